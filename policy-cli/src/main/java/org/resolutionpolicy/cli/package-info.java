/**
 * The {@code policy} command line for policy owners: {@link org.resolutionpolicy.cli.PolicyCli}.
 * Not a library API: its contract is its output formats and exit codes.
 */
package org.resolutionpolicy.cli;
