package org.resolutionpolicy.report;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Draws small charts as inline SVG, for tables a person would rather look at: horizontal stacked bars (outcomes per
 * remedy, say) and a heat map (a transition matrix, limits per role). Every label is escaped; each mark carries a
 * {@code <title>} with its exact value, so the numbers stay readable on hover and in the DOM.
 *
 * <pre>{@code
 * Html bars = Charts.stackedBars(List.of("ALONE", "ESCALATE", "DENIED"),
 *         List.of(new Charts.Bar("refund", 120, 30, 5), new Charts.Bar("voucher", 300, 12, 0)));
 * Html heat = Charts.heatMap(List.of("ALONE", "DENIED"), List.of("ALONE", "DENIED"),
 *         new double[][] {{140, 3}, {0, 12}}, null);
 * }</pre>
 */
public final class Charts {

    /** The series colours, in order; outcomes use the first four as ALONE, ESCALATE, SWAT, DENIED. */
    static final List<String> PALETTE = List.of("#2e7d32", "#f0a202", "#6a3d9a", "#c62828", "#2f6fb3", "#00838f",
            "#8d6e63", "#546e7a");

    private static final int LABEL_WIDTH = 150;
    private static final int BAR_WIDTH = 340;
    private static final int ROW = 22;
    private static final int CELL = 44;

    private Charts() {
    }

    /**
     * One bar of a stacked bar chart: its label and one value per series.
     *
     * @param label the bar's label
     * @param values one value per series, not negative
     */
    public record Bar(String label, double... values) {

        /**
         * Creates a bar.
         *
         * @throws NullPointerException if label or values is null
         * @throws IllegalArgumentException if a value is negative or not finite
         */
        public Bar {
            Objects.requireNonNull(label, "label must not be null");
            values = values.clone();
            for (double v : values) {
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("a bar value must be finite and not negative: [" + v + "]");
                }
            }
        }

        /** Returns the values (a copy). */
        @Override
        public double[] values() {
            return values.clone();
        }

        /** Returns the values added up. */
        public double total() {
            double t = 0;
            for (double v : values) {
                t += v;
            }
            return t;
        }
    }

    /**
     * Returns horizontal stacked bars with a legend, all bars on one scale (the largest total fills the width).
     *
     * @param series the series names, one colour each, in stacking order
     * @param bars the bars, top first
     * @throws IllegalArgumentException if a bar has not one value per series
     */
    public static Html stackedBars(List<String> series, List<Bar> bars) {
        double max = 0;
        for (Bar bar : bars) {
            if (bar.values.length != series.size()) {
                throw new IllegalArgumentException("bar [" + bar.label() + "] has " + bar.values.length
                        + " values for " + series.size() + " series");
            }
            max = Math.max(max, bar.total());
        }
        int legend = 20;
        int height = legend + bars.size() * ROW + 4;
        int width = LABEL_WIDTH + BAR_WIDTH + 60;
        StringBuilder svg = open("stacked-bars", width, height);
        double x = LABEL_WIDTH;
        for (int s = 0; s < series.size(); s++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"4\" width=\"10\" height=\"10\" fill=\"%s\"/>",
                    x, color(s)));
            svg.append(text(x + 14, 13, series.get(s), "start"));
            x += 24 + 7 * series.get(s).length();
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = legend + i * ROW;
            svg.append("<g class=\"bar\" data-label=\"").append(Html.escape(bar.label())).append("\">");
            svg.append(text(LABEL_WIDTH - 6, y + 15, bar.label(), "end"));
            double at = LABEL_WIDTH;
            for (int s = 0; s < series.size(); s++) {
                double w = max == 0 ? 0 : bar.values[s] / max * BAR_WIDTH;
                if (bar.values[s] > 0) {
                    svg.append(String.format(Locale.ROOT,
                            "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" data-series=\"%s\">",
                            at, y + 3, w, ROW - 6, color(s), Html.escape(series.get(s))));
                    svg.append("<title>").append(Html.escape(series.get(s) + ": " + number(bar.values[s])))
                            .append("</title></rect>");
                }
                at += w;
            }
            svg.append(text(at + 4, y + 15, number(bar.total()), "start"));
            svg.append("</g>");
        }
        return Html.trusted(svg.append("</svg>").toString());
    }

    /**
     * Returns a heat map: one square per row and column, darker for larger values (the largest is darkest).
     *
     * @param rows the row labels, top first
     * @param columns the column labels, left first
     * @param values one row of values per row label, one value per column, not negative
     * @param labels the text in each square, or null to show the values
     * @throws IllegalArgumentException if the values or labels do not match the rows and columns
     */
    public static Html heatMap(List<String> rows, List<String> columns, double[][] values, String[][] labels) {
        if (values.length != rows.size() || labels != null && labels.length != rows.size()) {
            throw new IllegalArgumentException("a heat map needs one row of values per row label: " + rows.size());
        }
        double max = 0;
        for (int r = 0; r < rows.size(); r++) {
            if (values[r].length != columns.size() || labels != null && labels[r].length != columns.size()) {
                throw new IllegalArgumentException("row [" + rows.get(r) + "] needs " + columns.size() + " values");
            }
            for (double v : values[r]) {
                max = Math.max(max, v);
            }
        }
        int longest = columns.stream().mapToInt(String::length).max().orElse(0);
        // a column is as wide as its label needs, so that labels never run into each other
        int cell = Math.max(CELL, 7 * longest + 10);
        int top = 22;
        int width = LABEL_WIDTH + columns.size() * cell + 8;
        int height = top + rows.size() * (CELL / 2 + 6) + 4;
        StringBuilder svg = open("heat-map", width, height);
        for (int c = 0; c < columns.size(); c++) {
            svg.append(text(LABEL_WIDTH + c * cell + cell / 2.0, 14, columns.get(c), "middle"));
        }
        for (int r = 0; r < rows.size(); r++) {
            int y = top + r * (CELL / 2 + 6);
            svg.append(text(LABEL_WIDTH - 6, y + 16, rows.get(r), "end"));
            for (int c = 0; c < columns.size(); c++) {
                double v = values[r][c];
                double fraction = max == 0 ? 0 : v / max;
                String shown = labels == null ? number(v) : labels[r][c];
                svg.append(String.format(Locale.ROOT, "<g class=\"heat\" data-row=\"%s\" data-column=\"%s\">"
                                + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\" fill=\"%s\">",
                        Html.escape(rows.get(r)), Html.escape(columns.get(c)), LABEL_WIDTH + c * cell + 1, y,
                        cell - 2, CELL / 2 + 4, heatColor(fraction)));
                svg.append("<title>").append(Html.escape(rows.get(r) + " / " + columns.get(c) + ": " + shown))
                        .append("</title></rect>");
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\">",
                        LABEL_WIDTH + c * cell + cell / 2.0, y + 16, fraction > 0.55 ? "#fff" : "#1f2933"));
                svg.append(Html.escape(shown)).append("</text></g>");
            }
        }
        return Html.trusted(svg.append("</svg>").toString());
    }

    /**
     * Returns the heat map's colour for a fraction of the largest value: from a pale to a deep blue.
     *
     * @param fraction 0 (palest) to 1 (deepest); values outside are clamped
     */
    public static String heatColor(double fraction) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        int r = (int) Math.round(238 - f * (238 - 31));
        int g = (int) Math.round(244 - f * (244 - 78));
        int b = (int) Math.round(250 - f * (250 - 140));
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static String color(int series) {
        return PALETTE.get(series % PALETTE.size());
    }

    private static StringBuilder open(String kind, int width, int height) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart %s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" role=\"img\">", kind, width, height, width, height));
    }

    private static String text(double x, double y, String text, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"#1f2933\">", x, y,
                anchor)
                + Html.escape(text) + "</text>";
    }

    /** Returns a number without a needless fraction: 12, 12.5. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
    }
}
