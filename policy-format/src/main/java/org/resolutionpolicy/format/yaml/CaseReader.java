package org.resolutionpolicy.format.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.format.internal.CaseFields;
import org.resolutionpolicy.model.source.Problems;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a case written in YAML (or JSON, which is YAML too), naming the field of every problem
 * ({@code proposals[1].amount}).
 *
 * <p>Only the YAML syntax is read here: the text is composed into a located node tree within
 * {@link org.resolutionpolicy.api.LoadOptions#defaults()}, and {@link CaseFields}, which the JSON reader shares, reads
 * the case's fields from it.
 */
public final class CaseReader {

    private CaseReader() {
    }

    /**
     * Reads a case.
     *
     * @param source the case text and its name
     * @return the case
     * @throws InvalidCaseException naming every malformed field, or the place of every YAML syntax error
     */
    public static CustomerCase read(PolicySource source) {
        Problems yamlProblems = new Problems();
        Node root = YamlTree.compose(source.name(), source.text(), yamlProblems);
        List<CaseProblem> problems = new ArrayList<>();
        if (root == null) {
            for (Problem p : yamlProblems.all()) {
                problems.add(new CaseProblem("", p.toString()));
            }
            throw new InvalidCaseException(source.name(), problems);
        }
        try {
            return new CaseFields(new YamlCaseCursor(root), source.name(), problems).readCase();
        } catch (IOException e) {
            throw new UncheckedIOException("a composed YAML tree is read without input", e);
        }
    }
}
