/** Text renderings shared by the CLI and the test kit: {@link org.resolutionpolicy.engine.internal.text.DecisionTable}. Internal. */
package org.resolutionpolicy.engine.internal.text;
