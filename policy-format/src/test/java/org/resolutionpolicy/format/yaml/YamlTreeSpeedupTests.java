package org.resolutionpolicy.format.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.model.source.Problems;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** The shortcuts of composing: the resolver's answer for plain words, and the tree walk without anchors. */
class YamlTreeSpeedupTests {

    @Test
    void the_plain_resolver_types_every_scalar_as_snakeyaml_does() {
        List<String> values = new ArrayList<>(List.of("", " ", "refund", "GOLD", "customer.tier", "g123", "above",
                "yes", "Yes", "no", "No", "n", "y", "true", "True", "false", "off", "On", "null", "Null", "~", "NULL",
                "0", "12", "-3", "+4", "0x1F", "0o17", "017", "1_000", "1.5", ".5", "-.inf", ".NaN", "1e3", "6.8523015e+5",
                "2026-12-08", "2026-12-08T10:00:00Z", "<<", "!tag", "&a", "*a", "\0", "Über", "_x", "=", "\"q\"",
                "12:30", "190:20:30", "1:2", "Octo", "nope", "trueish", "yellow", "fred", "tuesday", "order"));
        for (char c = 0; c < 128; c++) {
            values.add(String.valueOf(c));
            values.add(c + "word");
            values.add(c + "1");
        }
        Resolver snakeYaml = new Resolver();
        assertThat(YamlTree.PlainResolver.INSTANCE.shortcut).as("SnakeYAML's table read as expected").isTrue();
        for (String value : values) {
            for (boolean implicit : new boolean[] {true, false}) {
                for (NodeId kind : NodeId.values()) {
                    assertThat(YamlTree.PlainResolver.INSTANCE.resolve(kind, value, implicit))
                            .as("[%s] implicit %s as %s", value, implicit, kind)
                            .isEqualTo(snakeYaml.resolve(kind, value, implicit));
                }
            }
        }
    }

    @Test
    void a_text_without_anchors_is_composed_and_typed_as_before() {
        Problems problems = new Problems();
        var root = (org.yaml.snakeyaml.nodes.MappingNode) YamlTree.compose("p.yaml",
                "policy: p\nrules:\n  - id: r1\n    when: { amount: { above: 50 }, ok: true, none: null }\n", problems);

        assertThat(problems.all()).isEmpty();
        var rule = (org.yaml.snakeyaml.nodes.MappingNode) ((org.yaml.snakeyaml.nodes.SequenceNode)
                root.getValue().get(1).getValueNode()).getValue().get(0);
        var when = (org.yaml.snakeyaml.nodes.MappingNode) rule.getValue().get(1).getValueNode();
        var above = ((org.yaml.snakeyaml.nodes.MappingNode) when.getValue().get(0).getValueNode()).getValue().get(0);
        assertThat(((ScalarNode) above.getValueNode()).getTag()).isEqualTo(Tag.INT);
        assertThat(when.getValue().get(1).getValueNode().getTag()).isEqualTo(Tag.BOOL);
        assertThat(when.getValue().get(2).getValueNode().getTag()).isEqualTo(Tag.NULL);
        assertThat(((ScalarNode) rule.getValue().get(0).getValueNode()).getTag()).isEqualTo(Tag.STR);
    }

    @Test
    void a_recursive_alias_is_still_refused_and_a_repeated_one_still_counted() {
        Problems recursive = new Problems();
        assertThat(YamlTree.compose("p.yaml", "a: &x\n  b: *x\n", recursive)).isNull();
        assertThat(recursive.all()).isNotEmpty();

        Problems tooMany = new Problems();
        StringBuilder text = new StringBuilder("v: &v [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nl:\n");
        for (int i = 0; i < 40; i++) {
            text.append("  - [*v, *v, *v, *v, *v, *v, *v, *v, *v, *v]\n");
        }
        assertThat(YamlTree.compose("p.yaml", text.toString(), tooMany, LoadOptions.defaults())).isNull();
        assertThat(tooMany.all()).isNotEmpty();
    }
}
