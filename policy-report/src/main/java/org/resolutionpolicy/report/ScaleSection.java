package org.resolutionpolicy.report;

import java.util.List;
import java.util.stream.Collectors;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.model.ModelledPolicy;
import org.resolutionpolicy.model.SeverityScale;

/**
 * The matrix page's section on the policy's severity scale: each entry, the severity it puts a case at and the facts
 * that do so; nothing for a policy without a scale (or one whose model is not published).
 */
final class ScaleSection {

    private ScaleSection() {
    }

    /** Returns the section, or nothing when the policy has no severity scale. */
    static Html of(Policy policy) {
        SeverityScale scale;
        try {
            scale = ModelledPolicy.of(policy).model().severityScale();
        } catch (IllegalArgumentException e) {
            // a policy that publishes no model has no scale this page can show
            return Html.empty();
        }
        if (scale.isEmpty()) {
            return Html.empty();
        }
        List<List<String>> rows = scale.entries().stream().map(e -> List.of(e.id(), e.severity(),
                e.when().parts().stream().map(Object::toString).collect(Collectors.joining(" and ")), e.because()))
                .toList();
        return Html.concat(Tables.h2("Severity scale"),
                Html.tag("p").add("A case is decided at the highest of its own severity and the severity of every"
                        + " entry it matches; the cells above are of plain cases, which match none.").html(),
                Tables.table("severity-scale", List.of("entry", "severity", "when", "because"), rows));
    }
}
