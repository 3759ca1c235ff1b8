package org.resolutionpolicy.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Describes one customer problem to decide: its severity, the customer, the impact, who asks and what they propose.
 *
 * <p>A case is plain data and knows nothing of any policy; the policy checks it when deciding and
 * rejects it with an {@link InvalidCaseException} naming every offending field. Build one with
 * {@link #builder()}:
 *
 * <pre>{@code
 * CustomerCase c = CustomerCase.builder()
 *         .id("C-1042").severity("HIGH").category("late-order")
 *         .employee("E-17", "barista")
 *         .customer(Customer.builder().id("K-7").tier("GOLD").build())
 *         .propose("voucher", 15)
 *         .propose("apology")
 *         .build();
 * }</pre>
 *
 * @param id the case id, or {@code null}
 * @param severity the severity, a name on the policy's scale; may be null when the policy has a severity scale, which
 *                 sets it (and may raise a given one: {@link Decision#severity()})
 * @param category the kind of problem, e.g. {@code late-order}, or {@code null}
 * @param channel where the customer reached us, e.g. {@code phone}, or {@code null}
 * @param openedAt when the case was opened; cumulative windows end here (now when {@code null})
 * @param customer the customer; never null
 * @param impact the impact; never null
 * @param attributes the policy-specific typed facts (String, Boolean, BigDecimal, Instant values); never null
 * @param employee the employee who asks; never null
 * @param proposals the remedies proposed; empty to ask for the employee's latitude
 * @param currency the currency of the case's money amounts (an ISO 4217 code such as {@code EUR}), or {@code null}
 *                 for the policy's; a case in another currency than the policy's is invalid, never converted
 */
public record CustomerCase(String id, String severity, String category, String channel, Instant openedAt,
                           Customer customer, Impact impact, Map<String, Object> attributes,
                           Employee employee, List<Proposal> proposals, String currency) {

    /** Creates a case, copying its collections and replacing absent parts by "unknown" values. */
    public CustomerCase {
        customer = customer == null ? Customer.unknown() : customer;
        impact = impact == null ? Impact.unknown() : impact;
        employee = employee == null ? new Employee(null, null) : employee;
        attributes = copyAttributes(attributes);
        proposals = proposals == null ? List.of() : List.copyOf(proposals);
    }

    /** Creates a case in the policy's currency, copying its collections and replacing absent parts as above. */
    public CustomerCase(String id, String severity, String category, String channel, Instant openedAt,
                        Customer customer, Impact impact, Map<String, Object> attributes,
                        Employee employee, List<Proposal> proposals) {
        this(id, severity, category, channel, openedAt, customer, impact, attributes, employee, proposals, null);
    }

    private static Map<String, Object> copyAttributes(Map<String, Object> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            Objects.requireNonNull(name, "attribute names must not be null");
            if (value != null) {
                copy.put(name, value instanceof Number ? Amounts.of((Number) value) : value);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Returns a builder for a case. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this case's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder().id(id).severity(severity).category(category).channel(channel)
                .openedAt(openedAt).customer(customer).impact(impact).employee(employee).currency(currency);
        b.attributes.putAll(attributes);
        b.proposals.addAll(proposals);
        return b;
    }

    /** Builds a {@link CustomerCase}; not thread-safe. */
    public static final class Builder {
        private String id;
        private String severity;
        private String category;
        private String channel;
        private Instant openedAt;
        private Customer customer;
        private Impact impact;
        private Employee employee;
        private String currency;
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private final List<Proposal> proposals = new ArrayList<>();

        private Builder() {
        }

        /** Sets the case id. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Sets the severity, a name on the policy's scale. */
        public Builder severity(String severity) {
            this.severity = severity;
            return this;
        }

        /** Sets the category. */
        public Builder category(String category) {
            this.category = category;
            return this;
        }

        /** Sets the channel. */
        public Builder channel(String channel) {
            this.channel = channel;
            return this;
        }

        /** Sets when the case was opened. */
        public Builder openedAt(Instant openedAt) {
            this.openedAt = openedAt;
            return this;
        }

        /** Sets the customer. */
        public Builder customer(Customer customer) {
            this.customer = customer;
            return this;
        }

        /** Sets the impact. */
        public Builder impact(Impact impact) {
            this.impact = impact;
            return this;
        }

        /** Sets the currency of the case's money amounts, an ISO 4217 code such as {@code EUR}; null for the policy's. */
        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        /** Sets the employee who asks. */
        public Builder employee(Employee employee) {
            this.employee = employee;
            return this;
        }

        /** Sets the employee who asks, by role only. */
        public Builder employee(String role) {
            this.employee = Employee.of(role);
            return this;
        }

        /** Sets the employee who asks. */
        public Builder employee(String id, String role) {
            this.employee = Employee.of(id, role);
            return this;
        }

        /**
         * Sets a policy-specific attribute declared under {@code attributes:} in the policy.
         *
         * @param value a String, Boolean, Number or Instant; null removes the attribute
         * @throws NullPointerException if name is null
         */
        public Builder attribute(String name, Object value) {
            Objects.requireNonNull(name, "attribute name must not be null");
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
            return this;
        }

        /** Adds a proposal. */
        public Builder propose(Proposal proposal) {
            proposals.add(Objects.requireNonNull(proposal, "proposal must not be null"));
            return this;
        }

        /** Adds a proposal without an amount. */
        public Builder propose(String remedy) {
            return propose(Proposal.of(remedy));
        }

        /**
         * Adds a proposal with an amount.
         *
         * @throws IllegalArgumentException if the amount is not finite
         */
        public Builder propose(String remedy, double amount) {
            return propose(Proposal.of(remedy, amount));
        }

        /** Adds a proposal with an amount. */
        public Builder propose(String remedy, BigDecimal amount) {
            return propose(Proposal.of(remedy, amount));
        }

        /** Removes every proposal, to ask for the employee's latitude instead. */
        public Builder clearProposals() {
            proposals.clear();
            return this;
        }

        /** Returns the case. */
        public CustomerCase build() {
            return new CustomerCase(id, severity, category, channel, openedAt, customer, impact,
                    attributes, employee, proposals, currency);
        }
    }
}
