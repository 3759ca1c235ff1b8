package org.resolutionpolicy.engine.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.model.Condition;
import org.resolutionpolicy.model.Exists;
import org.resolutionpolicy.model.Expression;
import org.resolutionpolicy.model.FactMatcher;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Rule;
import org.resolutionpolicy.model.ValueTest;
import org.resolutionpolicy.model.ValueTest.Op;
import org.resolutionpolicy.model.source.Problems;

/** A rule's {@code when} is read into a typed condition tree that analysis can walk without knowing its source. */
class ConditionTreeTests {

    static final PolicyModel MODEL = read("""
            policy: tree
            version: "1"
            roles: [agent, supervisor, manager]
            severities: [LOW, MEDIUM, HIGH]
            attributes: { delayHours: number, store: string }
            remedies:
              refund: { unit: money }
              apology: { unit: none }
            rules:
              - id: mixed
                when:
                  customer.tier: [GOLD, PLATINUM]
                  severity: { atLeast: HIGH }
                  amount: { above: 50, atMost: 200 }
                  channel: { not: [web, app] }
                  attributes.store: { exists: false }
                  category: late-order
                  expr: "impact.socialReach >= 10000"
                require: supervisor
                because: a bit of everything
              - id: expression-only
                when: "amount > 20 && customer.tier == 'GOLD'"
                require: manager
                because: an expression
              - id: unconditional
                require: supervisor
                because: always
            """);

    static PolicyModel read(String yaml) {
        Problems problems = new Problems();
        PolicyModel model = PolicyReader.read(List.of(PolicySource.of("tree.yaml", yaml)), problems);
        assertThat(problems.all()).isEmpty();
        return model;
    }

    static Rule rule(String id) {
        return MODEL.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Nested
    @DisplayName("a mapping of matchers")
    class Matchers {

        final List<Condition> parts = rule("mixed").when().parts();

        @Test
        void is_a_conjunction_of_its_matchers_in_the_order_written() {
            assertThat(rule("mixed").when()).isInstanceOf(Condition.AllOf.class);
            assertThat(parts).hasExactlyElementsOfTypes(FactMatcher.class, FactMatcher.class, FactMatcher.class,
                    FactMatcher.class, Exists.class, FactMatcher.class, Expression.class);
            assertThat(parts).extracting(Object::toString).startsWith("customer.tier one of [GOLD, PLATINUM]",
                    "severity at least [HIGH]", "amount above [50] and at most [200]", "channel not one of [web, app]");
        }

        @Test
        void holds_lists_and_single_values_as_typed_value_tests() {
            FactMatcher tier = (FactMatcher) parts.get(0);
            FactMatcher category = (FactMatcher) parts.get(5);

            assertThat(tier.path().name()).isEqualTo("customer.tier");
            assertThat(tier.valueTest()).isEqualTo(new ValueTest.OneOf(java.util.Set.of("GOLD", "PLATINUM")));
            assertThat(((ValueTest.OneOf) tier.valueTest()).values()).containsExactly("GOLD", "PLATINUM");
            assertThat(tier.equalsAny()).containsExactlyInAnyOrder("GOLD", "PLATINUM");
            assertThat(category.valueTest()).isEqualTo(new ValueTest.Equals("late-order"));
            assertThat(category.equalsAny()).containsExactly("late-order");
        }

        @Test
        void holds_comparisons_with_bounds_in_the_facts_representation() {
            FactMatcher severity = (FactMatcher) parts.get(1);
            FactMatcher amount = (FactMatcher) parts.get(2);

            assertThat(severity.valueTest()).isEqualTo(new ValueTest.Compare(Op.AT_LEAST, 2));
            assertThat(amount.valueTest()).isEqualTo(new ValueTest.AllOf(List.of(
                    new ValueTest.Compare(Op.ABOVE, new BigDecimal("50")),
                    new ValueTest.Compare(Op.AT_MOST, new BigDecimal("200")))));
            assertThat(amount.equalsAny()).isNull();
            assertThat(amount.perProposal()).isTrue();
            assertThat(severity.perProposal()).isFalse();
        }

        @Test
        void holds_negations_and_presence_tests() {
            FactMatcher channel = (FactMatcher) parts.get(3);

            assertThat(channel.valueTest()).isEqualTo(new ValueTest.Not(new ValueTest.OneOf(java.util.Set.of("web", "app"))));
            assertThat(channel.equalsAny()).isNull();
            assertThat(parts.get(4)).isEqualTo(new Exists(((Exists) parts.get(4)).path(), false));
            assertThat(((Exists) parts.get(4)).path().name()).isEqualTo("attributes.store");
        }

        @Test
        void holds_an_expr_key_as_an_expression_with_its_text() {
            assertThat(((Expression) parts.get(6)).text()).isEqualTo("impact.socialReach >= 10000");
        }
    }

    @Test
    void an_expression_string_is_one_expression_node_with_its_amount_thresholds() {
        Condition when = rule("expression-only").when();

        assertThat(when).isInstanceOfSatisfying(Expression.class, e -> {
            assertThat(e.text()).isEqualTo("amount > 20 && customer.tier == 'GOLD'");
            assertThat(e.perProposal()).isTrue();
            assertThat(e.amountThresholds()).containsExactly(new BigDecimal("20"));
        });
        assertThat(rule("expression-only").amountThresholds()).containsExactly(new BigDecimal("20"));
    }

    @Test
    void a_rule_without_when_always_holds() {
        assertThat(rule("unconditional").when()).isSameAs(Condition.ALWAYS).isInstanceOf(Condition.Always.class);
    }

    @Test
    void the_tree_is_walked_with_a_switch_over_its_closed_set_of_nodes() {
        assertThat(describe(rule("mixed").when())).isEqualTo("all(customer.tier in 2 values, severity AT_LEAST 2, "
                + "amount all(ABOVE 50, AT_MOST 200), channel not(in 2 values), attributes.store absent, "
                + "category = late-order, expr impact.socialReach >= 10000)");
    }

    /** A walk as analysis would write it: one case per node type, no default needed beyond the sealed set. */
    static String describe(Condition c) {
        if (c instanceof Condition.Always) {
            return "always";
        }
        if (c instanceof Condition.AllOf all) {
            return "all(" + String.join(", ", all.parts().stream().map(ConditionTreeTests::describe).toList()) + ")";
        }
        if (c instanceof FactMatcher m) {
            return m.path().name() + " " + describe(m.valueTest());
        }
        if (c instanceof Exists e) {
            return e.path().name() + (e.present() ? " present" : " absent");
        }
        return "expr " + ((Expression) c).text();
    }

    static String describe(ValueTest t) {
        if (t instanceof ValueTest.Equals e) {
            return "= " + e.value();
        }
        if (t instanceof ValueTest.OneOf o) {
            return "in " + o.values().size() + " values";
        }
        if (t instanceof ValueTest.Compare c) {
            return c.op() + " " + c.bound();
        }
        if (t instanceof ValueTest.AllOf a) {
            return "all(" + String.join(", ", a.tests().stream().map(ConditionTreeTests::describe).toList()) + ")";
        }
        return "not(" + describe(((ValueTest.Not) t).test()) + ")";
    }
}
