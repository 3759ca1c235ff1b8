package org.resolutionpolicy.engine.internal.mvel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.resolutionpolicy.model.CaseTime;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.Facts;
import org.resolutionpolicy.model.expr.Expr;
import org.resolutionpolicy.model.value.WorkCalendar;

/**
 * Says how a date difference was counted, for explanations: the dates in the case's zone, the zone, the calendar
 * and the working days it counted ({@code 1 working day after Mon 2026-03-02 08:00 up to Wed 2026-03-04 10:00 in
 * Australia/Sydney on calendar NSW: Wed 2026-03-04}). Stateless.
 */
final class DateWorking {

    /** The most counted days listed one by one; beyond, the rest are counted. */
    static final int DAYS_LISTED = 10;

    private DateWorking() {
    }

    /** Returns true if the call is a date difference ({@code hoursBetween}, {@code daysBetween}, ...). */
    static boolean dates(Expr.Call c) {
        return Functions.ARGUMENTS.get(c.function()) == FactType.DATETIME;
    }

    /** Returns the working of a date difference in a case, or null when a date is absent. */
    static String of(Expr.Call c, Facts facts) {
        Object a = ExprExplainer.raw(c.args().get(0), facts);
        Object b = ExprExplainer.raw(c.args().get(1), facts);
        if (!(a instanceof Instant from) || !(b instanceof Instant to)) {
            return null;
        }
        CaseTime time = facts.time();
        WorkCalendar calendar = Functions.calendar(c.calendar(), time);
        BigDecimal value = Functions.exact(c.function(), new Object[] {from, to}, c.calendar(), time);
        String zone = " in " + zoneText(time);
        String v = value.toPlainString();
        switch (c.function()) {
            case "hoursBetween" -> {
                return v + " hours from " + time.show(from) + " to " + time.show(to) + zone;
            }
            case "daysBetween" -> {
                return v + (value.abs().compareTo(BigDecimal.ONE) == 0 ? " day" : " days") + " from "
                        + CaseTime.show(time.date(from)) + " to " + CaseTime.show(time.date(to)) + zone;
            }
            default -> {
                LocalDate x = time.date(from);
                LocalDate y = time.date(to);
                List<String> days = new ArrayList<>();
                calendar.daysAfter(x, y, DAYS_LISTED).forEach(d -> days.add(CaseTime.show(d)));
                long count = Math.abs(value.longValue());
                String listed = days.isEmpty() ? "none" : String.join(", ", days)
                        + (count > days.size() ? " and " + (count - days.size()) + " more" : "");
                return v + (count == 1 ? " working day" : " working days") + (y.isBefore(x)
                        ? " after " + time.show(to) + " up to " + time.show(from) + " (counted back)"
                        : " after " + time.show(from) + " up to " + time.show(to)) + zone
                        + (time.calendarName() == null ? "" : " on calendar " + time.calendarName()) + ": " + listed;
            }
        }
    }

    /**
     * Adds the working of every date difference a defined value reads ({@code named.daysLate} defined as
     * {@code businessDaysBetween(..) - 1}), and of those its own definitions read, as readings named by the call.
     */
    static void inDefinition(Expr.FactRef ref, Facts facts, java.util.function.Function<Expr, String> print,
                             java.util.Map<String, String> out) {
        if (ref.path().derivation() instanceof org.resolutionpolicy.model.Derivation.Computed c) {
            calls(c.amount().tree(), facts, print, out);
        }
    }

    /** Adds the working of every date difference of a tree, and of the definitions it reads. */
    static void calls(Expr e, Facts facts, java.util.function.Function<Expr, String> print,
                      java.util.Map<String, String> out) {
        if (e instanceof Expr.Call c) {
            String working = dates(c) ? of(c, facts) : null;
            if (working != null) {
                out.putIfAbsent(print.apply(c), working);
            }
            c.args().forEach(a -> calls(a, facts, print, out));
        } else if (e instanceof Expr.FactRef f) {
            inDefinition(f, facts, print, out);
        } else if (e instanceof Expr.Unary u) {
            calls(u.operand(), facts, print, out);
        } else if (e instanceof Expr.Binary b) {
            calls(b.left(), facts, print, out);
            calls(b.right(), facts, print, out);
        }
    }

    /** Returns the zone as the working names it: its id, and the fact that chose it. */
    private static String zoneText(CaseTime time) {
        String z = time.utc() && time.zoneSource() == null ? "UTC" : time.zone().getId();
        return time.zoneSource() == null ? z : z + " (" + time.zoneSource() + ")";
    }
}
