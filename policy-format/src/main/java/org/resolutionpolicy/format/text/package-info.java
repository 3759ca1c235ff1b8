/** Text renderings shared by the CLI and the test kit: {@link org.resolutionpolicy.format.text.DecisionTable}. Internal. */
package org.resolutionpolicy.format.text;
