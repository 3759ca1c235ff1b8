package org.resolutionpolicy.engine.internal.mvel;

import java.util.List;
import java.util.Set;
import org.resolutionpolicy.engine.internal.eval.FactCatalog;

/**
 * What an expression may refer to: the policy's facts, scale, ladder and remedies.
 *
 * @param facts the fact paths
 * @param severities the severity scale, lowest first
 * @param roles the ladder, lowest first
 * @param remedies the remedy ids
 */
public record ExpressionContext(FactCatalog facts, List<String> severities, List<String> roles, Set<String> remedies) {
}
