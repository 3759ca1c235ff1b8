package org.resolutionpolicy.drools.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

class CaseSessionsTests {

    static final String PRELUDE = """
            package test.rules;
            import org.resolutionpolicy.drools.CaseFact;
            import org.resolutionpolicy.drools.ProposalFact;
            global org.resolutionpolicy.drools.Effects effects;
            """;

    static KieBase kieBase(String drl) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        assertThat(builder.getErrors()).isEmpty();
        return builder.newKieBase();
    }

    static String rule(String attributes, String when) {
        return PRELUDE + "rule \"r\"\n" + attributes + "when\n" + when + "\nthen\n effects.deny(kcontext, \"x\");\nend\n";
    }

    @Test
    void plain_patterns_on_the_case_and_the_proposal_share_a_session() {
        assertThat(CaseSessions.whyNot(kieBase(rule("", """
                CaseFact( severity == "HIGH" ) or CaseFact( category == "fraud" )
                ProposalFact( remedy == "refund", amount > 10 )
                not CaseFact( channel == "partner" )
                eval( true )""")))).isNull();
    }

    @Test
    void the_example_drl_policies_share_a_session() throws Exception {
        Path drl = Path.of("../examples/policies/drl/online-retailer/online-retailer.drl");
        assertThat(CaseSessions.whyNot(kieBase(Files.readString(drl)))).isNull();
    }

    @Test
    void testing_for_the_absence_of_a_proposal_does_not() {
        assertThat(CaseSessions.whyNot(kieBase(rule("", "CaseFact()\nnot ProposalFact( remedy == \"refund\" )"))))
                .isEqualTo("rule [r] tests proposals under not or exists");
        assertThat(CaseSessions.whyNot(kieBase(rule("", "exists Object()")))).contains("under not or exists");
    }

    @Test
    void counting_proposals_or_agenda_control_does_not() {
        assertThat(CaseSessions.whyNot(kieBase(rule("", "Number() from accumulate( ProposalFact(), count(1) )"))))
                .contains("from, accumulate or collect");
        assertThat(CaseSessions.whyNot(kieBase(rule("activation-group \"one\"\n", "CaseFact()"))))
                .isEqualTo("rule [r] uses agenda control");
    }

    @Test
    void proposals_are_inserted_together_unless_a_rule_could_join_two_of_them() throws Exception {
        assertThat(CaseSessions.whyNotTogether(kieBase(Files.readString(
                Path.of("../examples/policies/drl/online-retailer/online-retailer.drl"))))).isNull();
        assertThat(CaseSessions.whyNotTogether(kieBase(rule("", """
                CaseFact( severity == "HIGH" ) or CaseFact( category == "fraud" )
                ProposalFact( remedy == "refund", amount > 10 )""")))).isNull();
        assertThat(CaseSessions.whyNotTogether(kieBase(rule("", "ProposalFact()\nProposalFact( remedy == \"x\" )"))))
                .isEqualTo("rule [r] has more than one pattern that can match a proposal");
        assertThat(CaseSessions.whyNotTogether(kieBase(rule("", "ProposalFact() or Object()"))))
                .contains("more than one pattern");
        assertThat(CaseSessions.whyNotTogether(kieBase(rule("", "CaseFact()\nnot ProposalFact()"))))
                .contains("under not or exists");
    }
}
