package org.resolutionpolicy.engine.internal.mvel;

import java.util.Set;
import org.resolutionpolicy.model.source.Hints;

/**
 * Says why a name in a condition is neither a fact nor a helper, and what was probably meant: the closest fact, or,
 * for a bare value such as {@code severity == CRITICAL}, the same value in quotes.
 */
final class UnknownNames {

    private UnknownNames() {
    }

    /**
     * Returns the refusal of a name that is no fact.
     *
     * @param first the name's first part
     * @param parts how many dotted parts the name has
     * @param path the whole name
     * @param context the policy's facts and values
     * @param classWords names of the JDK's packages and classes, which get no hint to quote them
     */
    static ExpressionException refusal(Token first, int parts, String path, ExpressionContext context,
                                       Set<String> classWords) {
        String name = first.text();
        if (classWords.contains(name) || Character.isUpperCase(name.charAt(0))) {
            return new ExpressionException("class references are not allowed: [" + name + "]", first.offset(),
                    parts == 1 && !classWords.contains(name) ? quoteHint(name, context) : null);
        }
        String hint = Hints.didYouMean(path, context.facts().names());
        if (hint == null && parts == 1 && (context.severities().contains(name) || context.roles().contains(name))) {
            hint = quoteHint(name, context);
        }
        if (hint == null && parts == 2 && name.equals("attributes")) {
            hint = "declare it under attributes: in the policy";
        }
        return new ExpressionException("unknown fact [" + path + "]", first.offset(), hint);
    }

    /**
     * A bare word where a value belongs (severity == CRITICAL) is most often a value written without quotes: MVEL
     * would read a capitalised one as a class, so the hint says how to write it as the text it is meant to be.
     */
    private static String quoteHint(String name, ExpressionContext context) {
        String example = context.severities().contains(name) ? "severity == '" + name + "'"
                : context.roles().contains(name) ? "employee.role == '" + name + "'"
                : "customer.tier == '" + name + "'";
        return "did you mean '" + name + "' (in quotes)? a severity, tier, role or other value is text in a condition,"
                + " as in [" + example + "]";
    }
}
