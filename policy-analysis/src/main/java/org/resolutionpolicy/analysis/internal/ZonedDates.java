package org.resolutionpolicy.analysis.internal;

import java.time.temporal.TemporalAmount;
import org.resolutionpolicy.api.CalendarPeriod;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.PolicyTime;
import org.resolutionpolicy.model.expr.Expr;

/**
 * What the encoder leaves out of issue 33's time: calendar periods, and the dates of a policy counted in a zone other
 * than UTC (a date alone of a case is the midnight of the case's zone, which a fact may choose, and day differences
 * count the zone's dates). The solver models neither, so what reads them has no formula. Stateless.
 */
final class ZonedDates {

    private ZonedDates() {
    }

    /** Returns a fact's variable, unless it has none or is a date of the case read in a time zone. */
    static FactSpace.Var check(String fact, FactSpace.Var v, PolicyTime time) throws NotEncoded {
        if (v == null) {
            throw new NotEncoded("fact [" + fact + "] has no variable");
        }
        if (v.type() == FactType.DATETIME && !v.name().equals("openedAt") && !time.utcOnly()) {
            throw new NotEncoded("date [" + v.name() + "] is read in the policy's time zone, which the analysis does "
                    + "not model");
        }
        return v;
    }

    /** Returns the function of a call, unless it counts the dates of a time zone. */
    static String check(Expr.Call c, PolicyTime time) throws NotEncoded {
        if (c.function().equals("daysBetween") && !time.utcOnly()) {
            throw new NotEncoded("[daysBetween] at offset [" + c.offset() + "] is not encoded: it counts the dates of "
                    + "the policy's time zone");
        }
        return c.function();
    }

    /** Returns a window of history, unless it is a calendar period. */
    static TemporalAmount check(String remedy, TemporalAmount window) throws NotEncoded {
        if (window instanceof CalendarPeriod) {
            throw new NotEncoded("history of [" + remedy + "] in [" + window + "] counts a calendar period, which the "
                    + "analysis does not model");
        }
        return window;
    }
}
