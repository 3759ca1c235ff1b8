package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/**
 * Money arithmetic against an oracle written here: generated expressions over generated amounts, decided by the
 * engine through the public API, and computed by exact fractions of {@link BigInteger}s that round a quotient to 2
 * places, half to even, by their own long division (no {@code BigDecimal.divide}). A condition ({@code amount >
 * expression}) and a computed limit (a supervisor's {@code refund: "expression"}) must both agree with it.
 */
class ExactArithmeticProperties {

    /** An exact fraction; the denominator is positive. */
    record Fraction(BigInteger num, BigInteger den) {

        static Fraction of(BigDecimal d) {
            BigInteger den = BigInteger.TEN.pow(Math.max(d.scale(), 0));
            BigInteger num = d.scale() >= 0 ? d.unscaledValue() : d.unscaledValue().multiply(BigInteger.TEN.pow(-d.scale()));
            return new Fraction(num, den).reduced();
        }

        Fraction reduced() {
            BigInteger g = num.gcd(den);
            return g.signum() == 0 ? this : new Fraction(num.divide(g), den.divide(g));
        }

        Fraction plus(Fraction o) {
            return new Fraction(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den)).reduced();
        }

        Fraction minus(Fraction o) {
            return plus(new Fraction(o.num.negate(), o.den));
        }

        Fraction times(Fraction o) {
            return new Fraction(num.multiply(o.num), den.multiply(o.den)).reduced();
        }

        /** Divides and rounds to hundredths, half to even; null by zero. */
        Fraction over(Fraction o) {
            if (o.num.signum() == 0) {
                return null;
            }
            BigInteger n = num.multiply(o.den);
            BigInteger d = den.multiply(o.num);
            if (d.signum() < 0) {
                n = n.negate();
                d = d.negate();
            }
            return roundedHundredths(n, d);
        }

        /** n / d rounded to hundredths, half to even, by long division of n * 100 by d. */
        static Fraction roundedHundredths(BigInteger n, BigInteger d) {
            BigInteger scaled = n.multiply(BigInteger.valueOf(100));
            BigInteger[] qr = scaled.divideAndRemainder(d);
            BigInteger q = qr[0];
            BigInteger twice = qr[1].abs().multiply(BigInteger.TWO);
            int half = twice.compareTo(d);
            if (half > 0 || half == 0 && q.testBit(0)) {
                q = q.add(BigInteger.valueOf(scaled.signum()));
            }
            return new Fraction(q, BigInteger.valueOf(100)).reduced();
        }

        int compareTo(Fraction o) {
            return num.multiply(o.den).compareTo(o.num.multiply(den));
        }

        Fraction min(Fraction o) {
            return compareTo(o) <= 0 ? this : o;
        }

        Fraction max(Fraction o) {
            return compareTo(o) >= 0 ? this : o;
        }

        Fraction roundedHundredths() {
            return roundedHundredths(num, den);
        }
    }

    /** A generated expression: its text and its value by the oracle (null when it divides by zero). */
    record Term(String text, Values values) {
    }

    /** The oracle's value of a term for given attributes a, b, c. */
    interface Values {
        Fraction of(Fraction a, Fraction b, Fraction c);
    }

    @Property(tries = 600)
    void a_condition_compares_the_exact_value(@ForAll("terms") Term term, @ForAll("amounts") List<BigDecimal> values) {
        Policy policy = Policies.parse(policy("when: \"amount > " + term.text() + "\"\n    deny: true"));
        Fraction expected = term.values().of(Fraction.of(values.get(1)), Fraction.of(values.get(2)),
                Fraction.of(values.get(3)));

        Outcome.Kind kind = policy.decide(aCase(values)).proposal("refund").outcome().kind();

        boolean above = expected != null && Fraction.of(values.get(0)).compareTo(expected) > 0;
        assertThat(kind == Outcome.Kind.DENIED).as(term.text() + " with " + values).isEqualTo(above);
    }

    @Property(tries = 600)
    void a_computed_limit_is_the_exact_value_rounded_to_cents(@ForAll("terms") Term term,
                                                             @ForAll("amounts") List<BigDecimal> values) {
        Policy policy = Policies.parse(policy("when: \"amount < 0\"\n    deny: true")
                .replace("supervisor: { refund: 500 }", "supervisor: { refund: \"" + term.text() + "\" }"));
        Fraction limit = term.values().of(Fraction.of(values.get(1)), Fraction.of(values.get(2)),
                Fraction.of(values.get(3)));
        limit = limit == null || limit.num().signum() < 0 ? Fraction.of(BigDecimal.ZERO) : limit.roundedHundredths();

        Outcome.Kind kind = policy.decide(aCase(values)).proposal("refund").outcome().kind();

        Fraction amount = Fraction.of(values.get(0));
        boolean within = amount.compareTo(limit) <= 0;
        boolean alone = amount.num().signum() == 0;
        assertThat(alone ? kind == Outcome.Kind.ALONE : (kind == Outcome.Kind.ESCALATE) == within)
                .as(term.text() + " with " + values + ", limit " + limit + ": " + kind).isTrue();
    }

    static String policy(String rule) {
        return """
                policy: exact-money
                version: "1"
                currency: EUR
                roles: [agent, supervisor]
                swat: { team: finance }
                attributes: { a: number, b: number, c: number }
                remedies:
                  refund: { unit: money }
                authority:
                  agent: { refund: 0 }
                  supervisor: { refund: 500 }
                rules:
                  - id: under-test
                    %s
                    because: the rule under test
                """.formatted(rule);
    }

    static CustomerCase aCase(List<BigDecimal> values) {
        return CustomerCase.builder().id("C").severity("LOW").employee("agent")
                .attribute("a", values.get(1)).attribute("b", values.get(2)).attribute("c", values.get(3))
                .propose("refund", values.get(0)).build();
    }

    @Provide
    Arbitrary<List<BigDecimal>> amounts() {
        Arbitrary<BigDecimal> amount = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("300")).ofScale(2),
                Arbitraries.of("10.10", "20.20", "30.30", "0.10", "0.20", "0.30", "66.67", "66.66", "200", "0",
                        "0.005", "33.333", "1.015").map(BigDecimal::new));
        return amount.list().ofSize(4);
    }

    @Provide
    Arbitrary<Term> terms() {
        return term(3);
    }

    private static Arbitrary<Term> term(int depth) {
        Arbitrary<Term> leaf = Arbitraries.oneOf(
                Arbitraries.of(new Term("attributes.a", (a, b, c) -> a), new Term("attributes.b", (a, b, c) -> b),
                        new Term("attributes.c", (a, b, c) -> c)),
                Arbitraries.of("3", "0.1", "0.2", "1.5", "100", "0", "0.07", "2.345")
                        .map(n -> new Term(n, (a, b, c) -> Fraction.of(new BigDecimal(n)))));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Term> inner = Arbitraries.lazy(() -> term(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf),
                net.jqwik.api.Tuple.of(4, Combinators.combine(inner, Arbitraries.of('+', '-', '*', '/'), inner)
                        .as(ExactArithmeticProperties::binary)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of("min", "max"), inner, inner)
                        .as(ExactArithmeticProperties::call)));
    }

    private static Term binary(Term l, char op, Term r) {
        return new Term("(" + l.text() + " " + op + " " + r.text() + ")", (a, b, c) -> {
            Fraction x = l.values().of(a, b, c);
            Fraction y = r.values().of(a, b, c);
            if (x == null || y == null) {
                return null;
            }
            return switch (op) {
                case '+' -> x.plus(y);
                case '-' -> x.minus(y);
                case '*' -> x.times(y);
                default -> x.over(y);
            };
        });
    }

    private static Term call(String function, Term l, Term r) {
        return new Term(function + "(" + l.text() + ", " + r.text() + ")", (a, b, c) -> {
            Fraction x = l.values().of(a, b, c);
            Fraction y = r.values().of(a, b, c);
            if (x == null || y == null) {
                return null;
            }
            return function.equals("min") ? x.min(y) : x.max(y);
        });
    }
}
