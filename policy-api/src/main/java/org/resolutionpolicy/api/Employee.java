package org.resolutionpolicy.api;

/**
 * Identifies the employee who asks, by their role on the policy's ladder.
 *
 * @param id the employee's id, or {@code null}
 * @param role the employee's role, which must be on the policy's ladder
 */
public record Employee(String id, String role) {

    /** Returns an employee known only by role. */
    public static Employee of(String role) {
        return new Employee(null, role);
    }

    /** Returns an employee with an id and a role. */
    public static Employee of(String id, String role) {
        return new Employee(id, role);
    }
}
