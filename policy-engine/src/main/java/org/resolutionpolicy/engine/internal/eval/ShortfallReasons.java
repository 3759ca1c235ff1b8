package org.resolutionpolicy.engine.internal.eval;

import java.math.BigDecimal;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.resolutionpolicy.api.Reason;

/**
 * The authority reasons of one remedy's common shortfall (no grant matched, no earlier proposal of the remedy, and
 * the employee's nearest own per-grant limit falls short), kept by employee, approver and amount once made: the
 * sentence is the same for every case with those three, and building it was the largest allocation of a decision
 * that escalates. At most {@link #MOST} are kept per remedy; beyond that they are made per decision, as before.
 * Thread-safe.
 */
final class ShortfallReasons {

    /** How many reasons one remedy keeps at most: amounts repeat (10, 25, 50), and each kept one is ~200 bytes. */
    static final int MOST = 1024;

    private final RemedyPlan plan;
    /** By {@code employee * roles + level}: the reasons made so far, by amount (equal amounts of one scale). */
    private final ConcurrentHashMap<BigDecimal, Reason>[] kept;
    private final int roles;
    private final AtomicInteger size = new AtomicInteger();

    @SuppressWarnings("unchecked") // an array of generic maps
    ShortfallReasons(RemedyPlan plan, int roles) {
        this.plan = plan;
        this.roles = roles;
        this.kept = new ConcurrentHashMap[roles * roles];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = new ConcurrentHashMap<>();
        }
    }

    /** Returns the reason that an amount is beyond an employee's authority and that {@code level} may grant it. */
    Reason reason(int employee, int level, BigDecimal amount) {
        ConcurrentHashMap<BigDecimal, Reason> cell = kept[employee * roles + level];
        Reason found = cell.get(amount);
        if (found != null) {
            return found;
        }
        // one array of the exact length, as the StringBuilder the build compiles "+" to is not
        Reason made = new Reason(Reason.AUTHORITY, String.join("", plan.of, amount.toPlainString(),
                plan.shortfall[employee][level]));
        if (size.get() < MOST && cell.putIfAbsent(amount, made) == null) {
            size.incrementAndGet();
        }
        return made;
    }
}
