/**
 * Self-contained HTML pages about policies ({@code org.resolutionpolicy.report}): the authority matrix, the replay
 * and diff reports, and the page style and inline SVG charts that reports share.
 */
module org.resolutionpolicy.report {
    requires transitive org.resolutionpolicy.api;
    requires transitive org.resolutionpolicy.replay;
    requires org.resolutionpolicy.model;

    exports org.resolutionpolicy.report;
}
