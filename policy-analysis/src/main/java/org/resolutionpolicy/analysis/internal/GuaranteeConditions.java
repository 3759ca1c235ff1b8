package org.resolutionpolicy.analysis.internal;

import java.util.ArrayList;
import java.util.List;
import org.resolutionpolicy.analysis.Guarantee;
import org.resolutionpolicy.analysis.GuaranteeException;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.model.Condition;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.ModelledPolicy;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Rule;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Compiles guarantees' conditions with the engine's own reader, so that a guarantee's {@code when} means exactly what
 * a rule's would: each becomes the condition of a follow-up rule in a policy with the analysed policy's scale,
 * ladder, remedies and attributes, where the analysed policy's {@code named.*} and {@code tables.*} facts are known
 * with its own definitions.
 */
final class GuaranteeConditions {

    private GuaranteeConditions() {
    }

    /**
     * Returns each guarantee's condition, in order.
     *
     * @throws GuaranteeException naming the guarantee and what is wrong with its condition
     */
    static List<Condition> compile(ModelledPolicy policy, List<Guarantee> guarantees) {
        if (guarantees.isEmpty()) {
            return List.of();
        }
        PolicyModel model = policy.model();
        DumperOptions flow = new DumperOptions();
        flow.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
        flow.setWidth(Integer.MAX_VALUE);
        Yaml yaml = new Yaml(flow);
        StringBuilder text = new StringBuilder();
        text.append("policy: guarantees\nversion: \"1\"\n");
        text.append("severities: ").append(yaml.dump(model.severities()).trim()).append('\n');
        text.append("roles: ").append(yaml.dump(model.roles()).trim()).append('\n');
        text.append("remedies:\n");
        model.remedies().forEach((r, unit) -> text.append("  ").append(yaml.dump(r).trim()).append(": { unit: ")
                .append(unit.label()).append(" }\n"));
        if (!model.attributes().isEmpty()) {
            text.append("attributes:\n");
            model.attributes().forEach((a, type) -> text.append("  ").append(a).append(": ").append(type(type))
                    .append('\n'));
        }
        text.append("rules:\n");
        for (int i = 0; i < guarantees.size(); i++) {
            Object when = guarantees.get(i).when();
            text.append("  - id: g").append(i).append('\n');
            if (when != null) {
                text.append("    when: ").append(yaml.dump(when).trim()).append('\n');
            }
            text.append("    followUp: { action: guarantee, within: P1D }\n    because: guarantee\n");
        }
        PolicyModel read;
        try {
            // the policy's own named.* and tables.* facts are known, with its definitions
            read = policy.readAbout(List.of(PolicySource.of("guarantees", text.toString())));
        } catch (PolicyLoadException e) {
            throw new GuaranteeException(describe(e, guarantees, text.toString()), e);
        }
        List<Condition> out = new ArrayList<>();
        for (Rule r : read.rules()) {
            out.add(r.when());
        }
        return out;
    }

    private static String describe(PolicyLoadException e, List<Guarantee> guarantees, String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (Problem p : e.errors()) {
            int index = guaranteeAt(lines, p.line());
            Guarantee g = index < 0 ? null : guarantees.get(index);
            out.add((g == null ? "" : g.place() + ": guarantee [" + g.name() + "]: ")
                    + p.message().replace("rule [g" + index + "]", "the guarantee") + (p.hint() == null ? ""
                    : " (" + p.hint() + ")"));
        }
        return String.join("\n", out);
    }

    /** Returns the index of the guarantee whose rule is written around a line of the generated text, or -1. */
    private static int guaranteeAt(String[] lines, int line) {
        for (int l = Math.min(line, lines.length) - 1; l >= 0; l--) {
            String s = lines[l].trim();
            if (s.startsWith("- id: g")) {
                return Integer.parseInt(s.substring("- id: g".length()));
            }
        }
        return -1;
    }

    private static String type(FactType type) {
        return switch (type) {
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case DATETIME -> "date";
            default -> "string";
        };
    }
}
