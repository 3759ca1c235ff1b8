package org.resolutionpolicy.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.report.MatrixPage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code policy matrix}: the authority matrix of a policy as one self-contained HTML page. */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = {"Write the authority matrix of a policy as one self-contained HTML page.",
            "For each remedy: who may grant how much alone at each severity, who approves beyond, the grants that"
                + " raise a limit, the deny and SWAT rules with their because, windows and follow-ups, with filters for"
                + " tier and category. All POLICY arguments together form one policy. Without --out the page goes to"
                + " standard output.",
            "Exit code 0 when the page was written, 2 when the policy has errors or a file cannot be read or"
                + " written."})
final class MatrixCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "POLICY", description = "policy files or directories")
    List<Path> policies;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write the page, e.g. matrix.html")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        policies.forEach(PolicyCli::existing);
        Policy policy;
        try {
            policy = Policies.load(policies);
        } catch (PolicyLoadException e) {
            e.problems().forEach(err::println);
            return PolicyCli.INPUT;
        } catch (PolicyException e) {
            return PolicyCli.failure(e, err);
        }
        MatrixPage page = MatrixPage.of(policy);
        if (out == null) {
            stdout.print(page.html());
            stdout.flush();
            return PolicyCli.OK;
        }
        try {
            page.write(out);
        } catch (UncheckedIOException e) {
            err.println("policy: " + e.getMessage());
            return PolicyCli.USAGE;
        }
        stdout.println("wrote " + out + " (matrix of policy " + policy.id() + " " + policy.revision() + ")");
        return PolicyCli.OK;
    }
}
