package org.resolutionpolicy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calendar periods: what a policy writes, and the period each date falls in. */
class CalendarPeriodTests {

    static final List<String> WRITTEN = List.of("calendar day", "calendar week", "calendar week from Sunday",
            "calendar month", "calendar month from day 15", "calendar quarter", "calendar quarter from 1 April",
            "calendar year", "calendar year from 1 April", "calendar year from 31 December");

    @Test
    void every_date_falls_in_one_period_that_starts_on_the_declared_day() {
        for (String text : WRITTEN) {
            CalendarPeriod p = CalendarPeriod.parse(text);
            LocalDate previousStart = null;
            for (LocalDate d = LocalDate.of(2023, 12, 1); d.isBefore(LocalDate.of(2028, 3, 1)); d = d.plusDays(1)) {
                LocalDate start = p.startOf(d);
                assertThat(start).as("%s of %s", text, d).isBeforeOrEqualTo(d);
                assertThat(p.nextStart(d)).as("%s of %s", text, d).isAfter(d);
                assertThat(p.startOf(start)).isEqualTo(start);
                assertThat(p.startOf(p.nextStart(d))).isEqualTo(p.nextStart(d));
                if (previousStart != null && !start.equals(previousStart)) {
                    // a new period starts exactly where the one before ended
                    assertThat(start).isEqualTo(d);
                    assertThat(p.nextStart(d.minusDays(1))).isEqualTo(d);
                }
                previousStart = start;
            }
        }
    }

    @Test
    void a_financial_year_from_1_april_puts_20_march_and_10_april_in_two_years() {
        CalendarPeriod fy = CalendarPeriod.parse("calendar year from 1 April");

        assertThat(fy.startOf(LocalDate.of(2026, 3, 20))).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(fy.startOf(LocalDate.of(2026, 4, 10))).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(CalendarPeriod.parse("calendar quarter from 1 April").startOf(LocalDate.of(2026, 2, 10)))
                .isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(CalendarPeriod.parse("CALENDAR WEEK FROM mon").weekStart()).isEqualTo(DayOfWeek.MONDAY);
    }

    @Test
    void prints_as_a_policy_writes_it() {
        for (String text : WRITTEN) {
            assertThat(CalendarPeriod.parse(text)).hasToString(text);
        }
        assertThat(CalendarPeriod.parse("calendar year from 1 apr")).hasToString("calendar year from 1 April");
    }

    @Test
    void subtracting_it_gives_the_midnight_that_starts_the_period_in_the_zone() {
        ZonedDateTime at = ZonedDateTime.of(2026, 4, 10, 8, 30, 0, 0, ZoneId.of("Australia/Sydney"));

        assertThat(at.minus(CalendarPeriod.parse("calendar month")))
                .isEqualTo(ZonedDateTime.of(2026, 4, 1, 0, 0, 0, 0, ZoneId.of("Australia/Sydney")));
        assertThat(at.plus(CalendarPeriod.parse("calendar month")))
                .isEqualTo(ZonedDateTime.of(2026, 5, 1, 0, 0, 0, 0, ZoneId.of("Australia/Sydney")));
    }

    @Test
    void is_not_read_from_other_periods_and_says_what_is_wrong_with_a_bad_one() {
        assertThat(CalendarPeriod.parse("P1Y")).isNull();
        assertThat(CalendarPeriod.parse("calendars")).isNull();
        assertThatThrownBy(() -> CalendarPeriod.parse("calendar year from 31 February"))
                .hasMessage("[31 February] is not a date: February has 28 days (29 in a leap year)");
        assertThatThrownBy(() -> CalendarPeriod.parse("calendar year from 29 February"))
                .hasMessageContaining("not every year has 29 February");
        assertThatThrownBy(() -> CalendarPeriod.parse("calendar month from day 30"))
                .hasMessageContaining("not every month has a day 30");
        assertThatThrownBy(() -> CalendarPeriod.parse("calendar week from Funday"))
                .hasMessageContaining("[Funday] is not a weekday");
        assertThatThrownBy(() -> CalendarPeriod.parse("calendar day from noon"))
                .hasMessageContaining("a calendar day starts at midnight");
        assertThatThrownBy(() -> CalendarPeriod.parse("calendar decade"))
                .hasMessageContaining("unknown calendar period [decade]");
    }
}
