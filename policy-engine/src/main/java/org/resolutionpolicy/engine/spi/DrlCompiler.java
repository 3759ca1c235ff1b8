package org.resolutionpolicy.engine.spi;

import org.resolutionpolicy.model.source.Problems;
import java.util.List;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.model.ExternalRules;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.format.yaml.PolicyHeader;

/**
 * Compiles DRL sources; implemented by {@code policy-drools} and found with {@link java.util.ServiceLoader}, so that
 * YAML-only users do not carry Drools. An SPI for the Drools support, not for applications.
 */
public interface DrlCompiler {

    /** The artifact named when DRL sources are given and no compiler is on the classpath. */
    String ARTIFACT = "org.resolutionpolicy:policy-drools";

    /**
     * Compiles DRL sources, recording every problem with its place.
     *
     * @return the compiled rules, or null if any error was recorded
     */
    CompiledDrl compile(List<PolicySource> sources, Problems problems);

    /** DRL compiled into a knowledge base, not yet tied to a policy's names. */
    interface CompiledDrl {

        /**
         * Returns the policy declaration of a DRL-only policy ({@code declare Policy ... end}) as YAML nodes placed
         * at the DRL's lines and columns, so that problems point into the DRL; or null when the DRL declares no
         * policy.
         */
        PolicyHeader header();

        /** Returns the ids of every DRL rule. */
        List<String> ruleIds();

        /**
         * Checks the names the DRL uses as literals (roles in effects) against the policy and binds the rules to it.
         *
         * @return the rules as the decider sees them, or null if a problem was recorded
         */
        ExternalRules bind(PolicyModel model, Problems problems);
    }
}
