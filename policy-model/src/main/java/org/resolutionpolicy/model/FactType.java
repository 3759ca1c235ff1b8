package org.resolutionpolicy.model;

/** Lists the types of facts a condition can test, which decide the matchers and operators allowed. */
public enum FactType {
    /** Text; equality only. */
    STRING("string"),
    /** A number; ordered. */
    NUMBER("number"),
    /** true or false. */
    BOOLEAN("boolean"),
    /** An instant; ordered chronologically. */
    DATETIME("date-time"),
    /** A severity name, ordered by the policy's scale. */
    SEVERITY("severity"),
    /** A role name, ordered by the policy's ladder. */
    ROLE("role"),
    /** A remedy id; equality only. */
    REMEDY("remedy"),
    /** The customer's history; presence only. */
    HISTORY("history");

    private final String label;

    FactType(String label) {
        this.label = label;
    }

    /** Returns the word used in messages. */
    public String label() {
        return label;
    }

    /** Returns true if the type supports {@code atLeast}, {@code above}, {@code <} and friends. */
    public boolean isOrdered() {
        return this == NUMBER || this == DATETIME || this == SEVERITY || this == ROLE;
    }
}
