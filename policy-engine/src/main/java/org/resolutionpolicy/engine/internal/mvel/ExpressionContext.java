package org.resolutionpolicy.engine.internal.mvel;

import java.util.List;
import java.util.Set;
import org.resolutionpolicy.model.FactCatalog;
import org.resolutionpolicy.model.value.Rounding;
import org.resolutionpolicy.model.value.WorkCalendar;

/**
 * What an expression may refer to: the policy's facts, scale, ladder and remedies.
 *
 * @param facts the fact paths
 * @param severities the severity scale, lowest first
 * @param roles the ladder, lowest first
 * @param remedies the remedy ids
 * @param countRemedies the remedies counted in units, whose history entries without an amount count as 1
 * @param calendar the policy's business calendar, for {@code P7BD} and {@code businessDaysBetween}
 * @param rounding how quotients and computed amounts round
 */
public record ExpressionContext(FactCatalog facts, List<String> severities, List<String> roles, Set<String> remedies,
                                Set<String> countRemedies, WorkCalendar calendar, Rounding rounding) {

    /** Creates a context that rounds as a policy without a currency does (2 places, half to even). */
    public ExpressionContext(FactCatalog facts, List<String> severities, List<String> roles, Set<String> remedies,
                             Set<String> countRemedies, WorkCalendar calendar) {
        this(facts, severities, roles, remedies, countRemedies, calendar, Rounding.DEFAULT);
    }

    /** Creates a context on the default calendar (Monday to Friday). */
    public ExpressionContext(FactCatalog facts, List<String> severities, List<String> roles, Set<String> remedies,
                             Set<String> countRemedies) {
        this(facts, severities, roles, remedies, countRemedies, WorkCalendar.DEFAULT, Rounding.DEFAULT);
    }

    /** Creates a context without count remedies. */
    public ExpressionContext(FactCatalog facts, List<String> severities, List<String> roles, Set<String> remedies) {
        this(facts, severities, roles, remedies, Set.of(), WorkCalendar.DEFAULT, Rounding.DEFAULT);
    }
}
