package org.resolutionpolicy.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.replay.BadLine;
import org.resolutionpolicy.replay.CaseRef;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.Granularity;
import org.resolutionpolicy.replay.ReplayReport;

/** Hand-built replay and diff reports, with a hostile case id and rule id, for the page tests. */
final class ReportFixtures {

    static final String HOSTILE_CASE = "<script>document.body.setAttribute('data-pwned','case')</script>";
    static final String HOSTILE_RULE = "<img src=x onerror=\"document.body.setAttribute('data-pwned','rule')\">";

    static final ReplayReport.PolicyId SHOP = new ReplayReport.PolicyId("coffee-shop", "2026.11", "2026.11+ab12");
    static final ReplayReport.PolicyId EDITED = new ReplayReport.PolicyId("coffee-shop", "2026.12", "2026.12+cd34");

    private ReportFixtures() {
    }

    static <V> Map<Outcome.Kind, V> kinds(V alone, V escalate, V swat, V denied) {
        Map<Outcome.Kind, V> m = new EnumMap<>(Outcome.Kind.class);
        m.put(Outcome.Kind.ALONE, alone);
        m.put(Outcome.Kind.ESCALATE, escalate);
        m.put(Outcome.Kind.SWAT, swat);
        m.put(Outcome.Kind.DENIED, denied);
        return m;
    }

    static <K, V> Map<K, V> ordered(K k1, V v1, K k2, V v2) {
        Map<K, V> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    static ReplayReport replay() {
        TreeMap<LocalDate, Long> weeks = new TreeMap<>(Map.of(LocalDate.of(2026, 3, 2), 3L, LocalDate.of(2026, 3, 9), 5L));
        return new ReplayReport(SHOP, "history.jsonl", 42, 40, 47, 2, 3, 0, 1,
                List.of(new BadLine(17, "unknown category [" + HOSTILE_CASE + "]")), Granularity.WEEK,
                List.of(new ReplayReport.RemedyOutcomes("refund", RemedyUnit.MONEY, kinds(12L, 8L, 3L, 2L),
                                kinds(new BigDecimal("120.50"), new BigDecimal("400"), new BigDecimal("75"),
                                        new BigDecimal("30.00"))),
                        new ReplayReport.RemedyOutcomes("voucher", RemedyUnit.MONEY, kinds(20L, 2L, 0L, 0L),
                                kinds(new BigDecimal("200"), new BigDecimal("40"), BigDecimal.ZERO, BigDecimal.ZERO))),
                List.of(new ReplayReport.Workload("shift-lead", 9, 1, weeks)),
                ordered(HOSTILE_RULE, 3L, "fraud-flag", 1L),
                ordered("authority", 30L, "gold-voucher", 6L),
                List.of(new ReplayReport.FollowUpCount("call-back", "store-manager", 4)), "EUR",
                // six weeks, from the week of 2 February to that of 9 March: the escalations fell in two of them
                new ReplayReport.Timeline(LocalDate.of(2026, 2, 4), LocalDate.of(2026, 3, 12),
                        new TreeMap<>(Map.of(LocalDate.of(2026, 2, 2), 12L, LocalDate.of(2026, 3, 2), 14L,
                                LocalDate.of(2026, 3, 9), 13L)),
                        new TreeMap<>(Map.of(LocalDate.of(2026, 3, 9), 3L)), 0),
                Map.of(ReplayReport.REMEDY, ordered("refund", 8L, "voucher", 2L),
                        ReplayReport.ROLE, ordered("barista", 7L, "customer-relations-manager", 2L)));
    }

    static DiffReport diff() {
        List<DiffReport.Transition> transitions = List.of(
                new DiffReport.Transition("refund", Outcome.alone(), Outcome.alone(), 10, new BigDecimal("100"),
                        List.of(), Map.of()),
                new DiffReport.Transition("refund", Outcome.alone(), Outcome.escalate("shift-lead"), 2,
                        new BigDecimal("45.50"), List.of(new CaseRef(3, HOSTILE_CASE), new CaseRef(9, "c-9")),
                        Map.of(HOSTILE_RULE, 2L)),
                new DiffReport.Transition("refund", Outcome.escalate("shift-lead"), Outcome.escalate("shift-lead"), 8,
                        new BigDecimal("400"), List.of(), Map.of()),
                new DiffReport.Transition("refund", Outcome.escalate("shift-lead"), Outcome.denied(), 1,
                        new BigDecimal("90"), List.of(new CaseRef(12, null)), Map.of("no-big-refunds", 1L)),
                new DiffReport.Transition("voucher", Outcome.alone(), Outcome.alone(), 22, new BigDecimal("240"),
                        List.of(), Map.of()));
        return new DiffReport(SHOP, EDITED, "history.jsonl", 42, 40, 43, 0, 0, List.of(), 3, 3, transitions,
                List.of(new DiffReport.MoneyMove("refund", BigDecimal.ZERO, new BigDecimal("45.50"), BigDecimal.ZERO,
                        new BigDecimal("90"))),
                List.of(new DiffReport.WorkloadChange("shift-lead", 8, 9)),
                new DiffReport.FollowUpChanges(1, List.of(new CaseRef(12, null)),
                        List.of(new DiffReport.ActionChange("call-back", 1, 0)),
                        List.of(new DiffReport.OwnerChange("call-back", "store-manager", 1, 0))),
                new DiffReport.CaseChanges(0, List.of()), "EUR");
    }

    /** A diff whose approver has a long name, as real ladders do. */
    static DiffReport longNames() {
        String crm = "customer-relations-manager-of-the-north-region";
        List<DiffReport.Transition> transitions = List.of(
                new DiffReport.Transition("goodwill-voucher-for-delays", Outcome.alone(), Outcome.alone(), 140,
                        new BigDecimal("1400"), List.of(), Map.of()),
                new DiffReport.Transition("goodwill-voucher-for-delays", Outcome.alone(), Outcome.escalate(crm), 3,
                        new BigDecimal("75"), List.of(new CaseRef(3, "c-3")), Map.of("big-vouchers", 3L)),
                new DiffReport.Transition("goodwill-voucher-for-delays", Outcome.escalate(crm), Outcome.escalate(crm),
                        20, new BigDecimal("800"), List.of(), Map.of()),
                new DiffReport.Transition("goodwill-voucher-for-delays", Outcome.escalate(crm), Outcome.swat("fraud"),
                        1, new BigDecimal("90"), List.of(new CaseRef(12, "c-12")), Map.of("fraud-flag", 1L)),
                new DiffReport.Transition("goodwill-voucher-for-delays", Outcome.escalate(crm), Outcome.denied(), 2,
                        new BigDecimal("90"), List.of(new CaseRef(14, "c-14")), Map.of("no-big-refunds", 2L)));
        return new DiffReport(SHOP, EDITED, "history.jsonl", 170, 166, 166, 0, 0, List.of(), 6, 6, transitions,
                List.of(), List.of(new DiffReport.WorkloadChange(crm, 23, 23)),
                new DiffReport.FollowUpChanges(0, List.of(), List.of()), new DiffReport.CaseChanges(0, List.of()),
                "EUR");
    }

    static DiffReport emptyDiff() {
        return new DiffReport(SHOP, SHOP, "history.jsonl", 42, 40, 43, 0, 0, List.of(), 0, 0,
                List.of(new DiffReport.Transition("voucher", Outcome.alone(), Outcome.alone(), 22,
                        new BigDecimal("240"), List.of(), Map.of())),
                List.of(), List.of(), new DiffReport.FollowUpChanges(0, List.of(), List.of()),
                new DiffReport.CaseChanges(0, List.of()));
    }
}
