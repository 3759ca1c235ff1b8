package org.resolutionpolicy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChartsTests {

    @Test
    void stacked_bars_scale_every_bar_to_the_largest_total_and_title_each_segment() {
        Html svg = Charts.stackedBars(List.of("ALONE", "DENIED"),
                List.of(new Charts.Bar("refund", 30, 10), new Charts.Bar("voucher", 10, 0)));

        assertThat(svg.markup()).startsWith("<svg class=\"chart stacked-bars\"")
                .contains("<title>ALONE: 30</title>").contains("<title>DENIED: 10</title>")
                .doesNotContain("DENIED: 0");
        // 340 px for the largest total (40): 30 of it is 255 px
        assertThat(svg.markup()).contains("width=\"255.0\"").contains("width=\"85.0\"");
    }

    @Test
    void a_heat_map_darkens_with_the_value_and_escapes_its_labels() {
        Html svg = Charts.heatMap(List.of("<old>"), List.of("a", "b"), new double[][] {{0, 4}}, null);

        // a zero is white, not the palest blue, so that a small value never looks like none
        assertThat(svg.markup()).contains("fill=\"#ffffff\"").contains("fill=\"" + Charts.heatColor(1) + "\"")
                .contains("data-row=\"&lt;old&gt;\"").doesNotContain("<old>");
        assertThat(Pattern.compile("<g class=\"heat\"").matcher(svg.markup()).results().count()).isEqualTo(2);
    }

    @Test
    void marked_squares_with_a_value_stand_out_and_unmarked_or_empty_ones_do_not() {
        Html svg = Charts.heatMap(List.of("ALONE", "ESCALATE to customer-relations-manager"),
                List.of("ALONE", "ESCALATE to customer-relations-manager"), new double[][] {{100, 1}, {0, 50}}, null,
                new boolean[][] {{false, true}, {true, false}});

        assertThat(Pattern.compile("<g class=\"heat changed\"").matcher(svg.markup()).results().count()).isEqualTo(1);
        assertThat(svg.markup()).contains("fill=\"" + Charts.changeColor(0.01) + "\" stroke=\"#c62828\"")
                .doesNotContain("fill=\"" + Charts.heatColor(0.01) + "\"");
        // the column label is drawn on two lines; the row label's column holds the longest row label
        assertThat(svg.markup()).contains(">ESCALATE</text>").contains(">to customer-relations-manager</text>");
        Matcher first = Pattern.compile("<rect x=\"(\\d+)\"").matcher(svg.markup());
        assertThat(first.find()).isTrue();
        assertThat(Double.parseDouble(first.group(1)))
                .isGreaterThan(Charts.textWidth("ESCALATE to customer-relations-manager"));
    }

    @Test
    void a_bar_label_of_any_length_fits_left_of_its_bar() {
        String name = "customer-relations-manager-of-the-north";
        Html svg = Charts.stackedBars(List.of("ALONE"), List.of(new Charts.Bar(name, 3)));

        Matcher bar = Pattern.compile("<rect x=\"([0-9.]+)\" y=\"\\d+\" width=\"[0-9.]+\" height=\"16\"")
                .matcher(svg.markup());
        assertThat(bar.find()).isTrue();
        assertThat(Double.parseDouble(bar.group(1))).isGreaterThan(Charts.textWidth(name) + 6);
    }

    @Test
    void refuses_data_that_does_not_fit_the_chart() {
        assertThatThrownBy(() -> Charts.stackedBars(List.of("a"), List.of(new Charts.Bar("x", 1, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bar [x] has 2 values for 1 series");
        assertThatThrownBy(() -> new Charts.Bar("x", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Charts.heatMap(List.of("r"), List.of("a", "b"), new double[][] {{1}}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("row [r] needs 2 values");
    }

    @Test
    void heat_colours_run_from_pale_to_deep_and_clamp() {
        assertThat(Charts.heatColor(0)).isEqualTo("#eef4fa");
        assertThat(Charts.heatColor(1)).isEqualTo("#1f4e8c");
        assertThat(Charts.heatColor(7)).isEqualTo(Charts.heatColor(1));
        assertThat(Charts.heatColor(Double.NaN)).isEqualTo(Charts.heatColor(0));
    }
}
