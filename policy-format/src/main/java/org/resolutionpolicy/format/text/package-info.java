/** Text renderings of decisions shared by the CLI and the test kit: {@link org.resolutionpolicy.format.text.DecisionTable}. */
package org.resolutionpolicy.format.text;
