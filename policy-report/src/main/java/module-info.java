/**
 * Self-contained HTML pages about policies ({@code org.resolutionpolicy.report}): the authority matrix, and the page
 * style and inline SVG charts that reports share. Depends on the API alone.
 */
module org.resolutionpolicy.report {
    requires transitive org.resolutionpolicy.api;

    exports org.resolutionpolicy.report;
}
