package org.resolutionpolicy.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.resolutionpolicy.model.source.Place;

/**
 * A compiled rule: when it matches, what it does, and why.
 *
 * @param id the unique rule id
 * @param place where the rule is defined
 * @param when its condition
 * @param remedies the remedies it is about, or null for every remedy
 * @param effect its effect
 * @param followUp its follow-up, or null
 * @param because the sentence shown to the employee, or an empty string
 * @param enabled false when switched off with {@code enabled: false}
 * @param perProposal true when it tests {@code remedy} or {@code amount}, or names remedies, so that it can only
 *                    match a proposal
 * @param amountThresholds the numbers its condition compares {@code amount} with, to find latitude boundaries
 */
public record Rule(String id, Place place, Condition when, Set<String> remedies, Effect effect, FollowUpSpec followUp,
                   String because, boolean enabled, boolean perProposal, List<BigDecimal> amountThresholds) {

    /** Returns true if the rule is about this remedy. */
    public boolean appliesTo(String remedy) {
        return remedies == null || remedies.contains(remedy);
    }
}
