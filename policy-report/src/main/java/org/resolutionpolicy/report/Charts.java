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

    /** The least width of the row labels' column; it grows to the longest label, so that none is cut. */
    private static final int LABEL_WIDTH = 80;
    private static final int BAR_WIDTH = 340;
    private static final int ROW = 22;
    private static final int CELL = 44;
    private static final int SERIES_WIDTH = 640;

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
        int labels = labelWidth(bars.stream().map(Bar::label).toList());
        double legendWidth = 0;
        for (String s : series) {
            legendWidth += 24 + textWidth(s);
        }
        double totalWidth = 0;
        for (Bar bar : bars) {
            totalWidth = Math.max(totalWidth, textWidth(number(bar.total())));
        }
        int width = (int) Math.ceil(labels + Math.max(BAR_WIDTH + 8 + totalWidth, legendWidth) + 4);
        StringBuilder svg = open("stacked-bars", width, height);
        double x = labels;
        for (int s = 0; s < series.size(); s++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"4\" width=\"10\" height=\"10\" fill=\"%s\"/>",
                    x, color(s)));
            svg.append(text(x + 14, 13, series.get(s), "start"));
            x += 24 + textWidth(series.get(s));
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = legend + i * ROW;
            svg.append("<g class=\"bar\" data-label=\"").append(Html.escape(bar.label())).append("\">");
            svg.append(text(labels - 6, y + 15, bar.label(), "end"));
            double at = labels;
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
        return heatMap(rows, columns, values, labels, null);
    }

    /**
     * Returns a heat map whose marked squares stand out: a marked square with a value is drawn in warm colours with
     * a red border and has the class {@code changed} (a diff's changed outcomes), so that what moved is seen first;
     * a square of 0 is white, never as pale as a small value. A column label of the form {@code ESCALATE to role} is
     * drawn on two lines, and the labels' column is as wide as the longest row label, so that no label is cut.
     *
     * @param rows the row labels, top first
     * @param columns the column labels, left first
     * @param values one row of values per row label, one value per column, not negative
     * @param labels the text in each square, or null to show the values
     * @param marked per row and column whether the square is marked, or null for none
     * @throws IllegalArgumentException if the values, labels or marks do not match the rows and columns
     */
    public static Html heatMap(List<String> rows, List<String> columns, double[][] values, String[][] labels,
                               boolean[][] marked) {
        if (values.length != rows.size() || labels != null && labels.length != rows.size()
                || marked != null && marked.length != rows.size()) {
            throw new IllegalArgumentException("a heat map needs one row of values per row label: " + rows.size());
        }
        double max = 0;
        for (int r = 0; r < rows.size(); r++) {
            if (values[r].length != columns.size() || labels != null && labels[r].length != columns.size()
                    || marked != null && marked[r].length != columns.size()) {
                throw new IllegalArgumentException("row [" + rows.get(r) + "] needs " + columns.size() + " values");
            }
            for (double v : values[r]) {
                max = Math.max(max, v);
            }
        }
        List<List<String>> heads = columns.stream().map(Charts::lines).toList();
        double longest = 0;
        for (List<String> head : heads) {
            for (String line : head) {
                longest = Math.max(longest, textWidth(line));
            }
        }
        if (labels != null) {
            for (String[] row : labels) {
                for (String label : row) {
                    longest = Math.max(longest, textWidth(label));
                }
            }
        }
        // a column is as wide as its label needs, so that labels never run into each other
        int cell = (int) Math.max(CELL, Math.ceil(longest) + 12);
        int headLines = heads.stream().mapToInt(List::size).max().orElse(1);
        int top = 8 + 14 * headLines;
        int labelWidth = labelWidth(rows);
        int width = labelWidth + columns.size() * cell + 8;
        int height = top + rows.size() * (CELL / 2 + 6) + 4;
        StringBuilder svg = open("heat-map", width, height);
        for (int c = 0; c < columns.size(); c++) {
            List<String> head = heads.get(c);
            for (int i = 0; i < head.size(); i++) {
                svg.append(text(labelWidth + c * cell + cell / 2.0, top - 8 - 14 * (head.size() - 1 - i), head.get(i),
                        "middle"));
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            int y = top + r * (CELL / 2 + 6);
            svg.append(text(labelWidth - 6, y + 16, rows.get(r), "end"));
            for (int c = 0; c < columns.size(); c++) {
                double v = values[r][c];
                double fraction = max == 0 ? 0 : v / max;
                boolean changed = marked != null && marked[r][c] && v > 0;
                String shown = labels == null ? number(v) : labels[r][c];
                String fill = changed ? changeColor(fraction) : v == 0 && labels == null ? "#ffffff" : heatColor(fraction);
                svg.append(String.format(Locale.ROOT, "<g class=\"heat%s\" data-row=\"%s\" data-column=\"%s\">"
                                + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\" fill=\"%s\"%s>",
                        changed ? " changed" : "", Html.escape(rows.get(r)), Html.escape(columns.get(c)),
                        labelWidth + c * cell + 1, y, cell - 2, CELL / 2 + 4, fill,
                        changed ? " stroke=\"#c62828\" stroke-width=\"2\""
                                : v == 0 && labels == null ? " stroke=\"#d9e2ec\"" : ""));
                svg.append("<title>").append(Html.escape(rows.get(r) + " / " + columns.get(c) + ": " + shown))
                        .append("</title></rect>");
                boolean dark = changed ? fraction > 0.5 : fraction > 0.55;
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\"%s>",
                        labelWidth + c * cell + cell / 2.0, y + 16, dark ? "#fff" : "#1f2933",
                        changed ? " font-weight=\"700\"" : ""));
                svg.append(Html.escape(shown)).append("</text></g>");
            }
        }
        return Html.trusted(svg.append("</svg>").toString());
    }

    /**
     * Returns lines over time, one per series, on one scale, with a legend: escalated cases per week for each
     * approver, say. Every period of the span is a point, empty ones at 0, so that a quiet week shows as one; each
     * point carries a {@code <title>} with its exact value when there are at most 120 periods. The chart is
     * {@value #SERIES_WIDTH} px wide for the periods whatever their number.
     *
     * @param periods the periods' labels, earliest first
     * @param series the series names, one colour each
     * @param values one row per series, one value per period, not negative
     * @throws IllegalArgumentException if the values do not match the series and periods
     */
    public static Html timeSeries(List<String> periods, List<String> series, double[][] values) {
        if (values.length != series.size()) {
            throw new IllegalArgumentException("a time series needs one row of values per series: " + series.size());
        }
        double max = 0;
        for (int s = 0; s < series.size(); s++) {
            if (values[s].length != periods.size()) {
                throw new IllegalArgumentException("series [" + series.get(s) + "] needs " + periods.size()
                        + " values");
            }
            for (double v : values[s]) {
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("a value must be finite and not negative: [" + v + "]");
                }
                max = Math.max(max, v);
            }
        }
        int axis = (int) Math.ceil(textWidth(number(max))) + 12;
        int legendRows = 1;
        double x = axis;
        for (String name : series) {
            double w = 24 + textWidth(name);
            if (x + w > axis + SERIES_WIDTH) {
                legendRows++;
                x = axis;
            }
            x += w;
        }
        int top = 8 + 16 * legendRows;
        int plot = 160;
        int width = axis + SERIES_WIDTH + 40;
        int height = top + plot + 34;
        StringBuilder svg = open("time-series", width, height);
        x = axis;
        double y = 4;
        for (int s = 0; s < series.size(); s++) {
            double w = 24 + textWidth(series.get(s));
            if (x + w > axis + SERIES_WIDTH) {
                x = axis;
                y += 16;
            }
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\"/>",
                    x, y, color(s)));
            svg.append(text(x + 14, y + 9, series.get(s), "start"));
            x += w;
        }
        double step = periods.size() <= 1 ? 0 : (double) SERIES_WIDTH / (periods.size() - 1);
        double scale = max == 0 ? 0 : plot / max;
        int bottom = top + plot;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d9e2ec\"/>",
                axis, bottom, axis + SERIES_WIDTH, bottom));
        svg.append(text(axis - 4, bottom + 4, "0", "end")).append(text(axis - 4, top + 4, number(max), "end"));
        // at most six labels under the axis: first, last and evenly between, none running into another
        int labels = Math.min(periods.size(), 6);
        for (int i = 0; i < labels; i++) {
            int p = labels == 1 ? 0 : (int) Math.round((double) i * (periods.size() - 1) / (labels - 1));
            String anchor = i == 0 ? "start" : i == labels - 1 ? "end" : "middle";
            svg.append(text(axis + p * step, bottom + 16, periods.get(p), anchor));
        }
        for (int s = 0; s < series.size(); s++) {
            StringBuilder points = new StringBuilder();
            for (int p = 0; p < periods.size(); p++) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", axis + p * step, bottom - values[s][p] * scale));
            }
            svg.append("<g class=\"series\" data-series=\"").append(Html.escape(series.get(s))).append("\">");
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                    + "points=\"%s\"/>", color(s), points.toString().trim()));
            if (periods.size() <= 120) {
                for (int p = 0; p < periods.size(); p++) {
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\">",
                            axis + p * step, bottom - values[s][p] * scale, color(s)));
                    svg.append("<title>").append(Html.escape(series.get(s) + ", " + periods.get(p) + ": "
                            + number(values[s][p]))).append("</title></circle>");
                }
            }
            svg.append("</g>");
        }
        return Html.trusted(svg.append("</svg>").toString());
    }

    /** Splits a column label {@code ESCALATE to a-role} into its kind and {@code to a-role}, to be drawn on two lines. */
    private static List<String> lines(String label) {
        int at = label.indexOf(" to ");
        return at < 0 ? List.of(label) : List.of(label.substring(0, at), label.substring(at + 1));
    }

    /** Returns the width of the row labels' column: the longest label's and a margin, at least {@value #LABEL_WIDTH}. */
    private static int labelWidth(List<String> labels) {
        double longest = 0;
        for (String label : labels) {
            longest = Math.max(longest, textWidth(label));
        }
        return (int) Math.max(LABEL_WIDTH, Math.ceil(longest) + 12);
    }

    /**
     * Returns a generous estimate of the width of a text in the charts' 11 px sans-serif font, so that a box sized by
     * it holds the text in any common font: capitals and digits wider than small letters, spaces and stops narrower.
     */
    static double textWidth(String text) {
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == 'm' || ch == 'w' || ch == 'M' || ch == 'W' || ch == '@' || ch == '%') {
                w += 10;
            } else if (Character.isUpperCase(ch) || Character.isDigit(ch) || ch == '_' || ch > 0x2000) {
                w += 8;
            } else if (ch == ' ' || ch == '.' || ch == ',' || ch == ':' || ch == ';' || ch == 'i' || ch == 'l'
                    || ch == 'j' || ch == '!' || ch == '|' || ch == '\'' || ch == 'I') {
                w += 3.5;
            } else {
                w += 6.5;
            }
        }
        return w;
    }

    /**
     * Returns the colour of a marked (changed) square for a fraction of the largest value: from a clear amber to a
     * deep red, never pale, so that the smallest change stands out from unchanged squares.
     */
    static String changeColor(double fraction) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        int r = (int) Math.round(253 - f * (253 - 183));
        int g = (int) Math.round(208 - f * (208 - 28));
        int b = (int) Math.round(112 - f * (112 - 28));
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
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
