package org.resolutionpolicy.model.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The quick reading of the common date-time forms ({@link Values#parseCommon}) gives the instant java.time gives for
 * every text it accepts, and leaves every other text to java.time.
 */
class ValuesInstantProperties {

    @Property(tries = 3000)
    void the_quick_reading_agrees_with_java_time(@ForAll("texts") String text) {
        Instant quick = Values.parseCommon(text);
        if (quick != null) {
            assertThat(quick).as(text).isEqualTo(Values.parseJavaTime(text));
        }
    }

    @Property(tries = 1000)
    void every_well_formed_date_time_is_read_quickly(@ForAll("wellFormed") String text) {
        assertThat(Values.parseCommon(text)).as(text).isNotNull().isEqualTo(Values.parseJavaTime(text));
    }

    @Example
    void what_it_leaves_to_java_time() {
        assertThat(Values.parseCommon("2026-03-01t10:15:30z")).isNull();
        assertThat(Values.parseCommon("2026-03-01T10:15:30")).isNull();
        assertThat(Values.parseCommon("2026-02-29T10:15:30Z")).isNull();
        assertThat(Values.parseCommon("2026-03-01T24:00:00Z")).isNull();
        assertThat(Values.parseCommon("2026-03-01T10:15:30.1234567891Z")).isNull();
        assertThat(Values.parseCommon("2026-03-01T10:15:30+01:00:30")).isNull();
        assertThat(Values.parseInstant("2026-03-01t10:15:30z")).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
        assertThat(Values.parseInstant("2024-02-29")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
    }

    @Provide
    Arbitrary<String> wellFormed() {
        Arbitrary<String> date = Combinators.combine(Arbitraries.integers().between(0, 9999),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 28))
                .as((y, m, d) -> "%04d-%02d-%02d".formatted(y, m, d));
        Arbitrary<String> time = Combinators.combine(Arbitraries.integers().between(0, 23),
                Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 59),
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(9), Arbitraries.of(true, false))
                .as((h, m, s, fraction, seconds) -> "T%02d:%02d".formatted(h, m)
                        + (seconds ? ":%02d".formatted(s) + (fraction.isEmpty() ? "" : "." + fraction) : ""));
        Arbitrary<String> offset = Arbitraries.oneOf(Arbitraries.just("Z"),
                Combinators.combine(Arbitraries.of("+", "-"), Arbitraries.integers().between(0, 17),
                        Arbitraries.integers().between(0, 59)).as((sign, h, m) -> sign + "%02d:%02d".formatted(h, m)));
        return Arbitraries.oneOf(date, Combinators.combine(date, time, offset).as((d, t, o) -> d + t + o));
    }

    /** Well-formed texts, and texts one character away from one: every digit, separator and length nearby. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> noise = Arbitraries.of('0', '1', '2', '3', '5', '9', '-', ':', '.', 'T', 't', 'Z', 'z',
                '+', ' ', 'x');
        return Combinators.combine(wellFormed(), Arbitraries.integers().between(0, 30), noise,
                Arbitraries.integers().between(0, 2)).as((text, at, c, how) -> {
                    int i = Math.min(at, text.length());
                    return switch (how) {
                        case 0 -> text.substring(0, i) + c + text.substring(i);
                        case 1 -> i < text.length() ? text.substring(0, i) + c + text.substring(i + 1) : text + c;
                        default -> text.substring(0, i);
                    };
                });
    }
}
