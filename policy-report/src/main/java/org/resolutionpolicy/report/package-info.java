/**
 * Self-contained HTML pages about policies: {@link org.resolutionpolicy.report.MatrixPage} renders the
 * {@link org.resolutionpolicy.report.AuthorityMatrix} of a policy, {@link org.resolutionpolicy.report.ReplayPage}
 * and {@link org.resolutionpolicy.report.DiffPage} the reports of a replay and a diff; {@link org.resolutionpolicy.report.HtmlPage},
 * {@link org.resolutionpolicy.report.Html} and {@link org.resolutionpolicy.report.Charts} are the page style, the
 * escaping element builder and the inline SVG charts that every report shares.
 */
package org.resolutionpolicy.report;
