package org.resolutionpolicy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.resolutionpolicy.analysis.Analysis;
import org.resolutionpolicy.analysis.Baseline;
import org.resolutionpolicy.analysis.ChangeProof;
import org.resolutionpolicy.analysis.Finding;
import org.resolutionpolicy.analysis.GuaranteeException;
import org.resolutionpolicy.analysis.GuaranteeFile;
import org.resolutionpolicy.analysis.GuaranteeResult;
import org.resolutionpolicy.analysis.Report;
import org.resolutionpolicy.api.PolicyFiles;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.format.json.JsonText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs {@code policy analyze}: findings of a policy, proofs of its guarantee files, or, with {@code --against}, a
 * change proof against an older version. Exit code 0 when nothing was found, every guarantee is proven (or, for a
 * change proof, the comparison ran), 1 otherwise, 3 when the solver and the engine disagree.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Prove what a policy can and cannot do, with an SMT solver; every case shown was decided by the"
                + " engine.",
            "POLICY arguments together form one policy; *.guarantees.yaml arguments are guarantee files, proven"
                + " against their own policy. Without guarantee files: rules that never match or never change an"
                + " outcome, grants that raise nothing, gaps nobody can approve, shrinking authority, roles nobody is"
                + " escalated to.",
            "With --against OLD...: per remedy and role, whether POLICY is equivalent to OLD, only stricter, only"
                + " looser or both, with a case for each direction.",
            "Exit code 0 when nothing was found and every guarantee holds, 1 otherwise, 2 on usage errors and a"
                + " policy that does not load, 3 on an internal error (the solver and the engine disagree)."})
final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "POLICY", description = "policy files or directories, or *.guarantees.yaml files")
    List<Path> paths;

    @Option(names = "--against", arity = "1..*", paramLabel = "OLD", description = "the older version to compare with")
    List<Path> against;

    /** A check shorter than a millisecond cannot start; one longer than a day is a hang by another name. */
    static final double MIN_SECONDS = 0.001;
    static final double MAX_SECONDS = 86_400;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "5",
            description = "time limit of each solver check, in seconds (default: ${DEFAULT-VALUE}); out of time is 'not decided'")
    double seconds;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "findings accepted with a reason (kind, subject, because): they are listed but exit 0, so CI fails on new findings only")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "write the findings found to FILE as a baseline (then replace each reason with your own)")
    Path writeBaseline;

    @CommandLine.Mixin
    PolicyCli.FormatOption output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Set by {@code policy diff --prove}: a change proof that finds a difference exits 1, as a diff does. */
    boolean changeExitsOne;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        paths.forEach(PolicyCli::existing);
        // NaN fails both comparisons: a time limit is a number of seconds in a range a solver check can use
        if (!(seconds > 0)) {
            throw new PolicyCli.UsageProblem("--time-limit must be positive, was [" + seconds + "]");
        }
        if (!(seconds >= MIN_SECONDS && seconds <= MAX_SECONDS)) {
            throw new PolicyCli.UsageProblem("--time-limit must be from " + MIN_SECONDS + " to " + (long) MAX_SECONDS
                    + " seconds, was [" + seconds + "]");
        }
        Duration limit = Duration.ofMillis((long) (seconds * 1000));
        List<Path> policies = new ArrayList<>();
        List<Path> guaranteeFiles = new ArrayList<>();
        for (Path p : paths) {
            (PolicyFiles.isGuaranteesFile(p) ? guaranteeFiles : policies).add(p);
        }
        try {
            if (against != null) {
                against.forEach(PolicyCli::existing);
                if (policies.isEmpty()) {
                    throw new PolicyCli.UsageProblem("--against needs the newer POLICY to compare");
                }
                return change(out, Analysis.of(policies).withTimeLimit(limit),
                        Analysis.of(against).withTimeLimit(limit));
            }
            int exit = PolicyCli.OK;
            List<Object> json = new ArrayList<>();
            if (!policies.isEmpty()) {
                Report report = Analysis.of(policies).withTimeLimit(limit).findings();
                if (writeBaseline != null) {
                    writeBaseline(report);
                }
                exit = findings(out, json, report, baseline == null ? null : readBaseline());
            }
            for (Path file : guaranteeFiles) {
                GuaranteeFile g = GuaranteeFile.parse(file, guaranteesText(file));
                exit = Math.max(exit, guarantees(out, json, file, Analysis.of(g.policies()).withTimeLimit(limit)
                        .prove(g.guarantees())));
            }
            if (output.format == PolicyCli.Format.json) {
                out.println(JsonText.pretty(json.size() == 1 ? json.get(0) : json));
            }
            out.flush();
            return exit;
        } catch (PolicyLoadException e) {
            e.problems().forEach(err::println);
            return PolicyCli.INPUT;
        }
    }

    private Baseline readBaseline() {
        PolicyCli.existing(baseline);
        try {
            return Baseline.parse(baseline, BoundedFiles.text(baseline, "baseline", BoundedFiles.MAX_GUARANTEES_BYTES));
        } catch (java.io.IOException e) {
            throw new PolicyCli.UsageProblem("cannot read baseline [" + baseline + "]: " + e.getMessage());
        } catch (GuaranteeException e) {
            throw new PolicyCli.UsageProblem(e.getMessage());
        }
    }

    private void writeBaseline(Report report) {
        try {
            java.nio.file.Files.writeString(writeBaseline, Baseline.write(report));
        } catch (java.io.IOException e) {
            throw new PolicyCli.UsageProblem("cannot write baseline [" + writeBaseline + "]: " + e.getMessage());
        }
    }

    private int findings(PrintWriter out, List<Object> json, Report r, Baseline accepted) {
        Baseline.Split split = accepted == null ? new Baseline.Split(r.findings(), List.of(), List.of())
                : accepted.split(r);
        if (output.format == PolicyCli.Format.json) {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("policy", r.policy());
            tree.put("version", r.version());
            tree.put("findings", items(split.fresh()));
            if (accepted != null) {
                tree.put("accepted", items(split.accepted()));
                tree.put("stale", split.stale().stream().map(a -> Map.of("kind", a.kind(), "subject", a.subject(),
                        "because", a.because())).toList());
            }
            tree.put("leftOut", r.leftOut());
            tree.put("checks", r.checks());
            json.add(tree);
        } else {
            out.println("policy " + r.policy() + " " + r.version() + ": " + count(split.fresh().size(), "finding")
                    + (accepted == null ? "" : ", " + split.accepted().size() + " accepted by the baseline") + " ("
                    + r.checks() + " solver checks, " + r.took().toMillis() + " ms)");
            for (Finding f : split.fresh()) {
                out.println(f);
                if (f.witness() != null) {
                    out.println("  case: " + JsonText.line(f.witness()));
                }
            }
            for (Finding f : split.accepted()) {
                out.println("accepted: " + f);
            }
            split.stale().forEach(a -> out.println("stale baseline entry: " + a.kind() + " [" + a.subject()
                    + "] matches no finding any more; remove it"));
            r.leftOut().forEach(s -> out.println("left out: " + s));
        }
        if (r.hasInternalErrors()) {
            return PolicyCli.INTERNAL;
        }
        return split.fresh().isEmpty() ? PolicyCli.OK : PolicyCli.NO;
    }

    private static List<Object> items(List<Finding> findings) {
        List<Object> items = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", kind(f.kind()));
            item.put("place", f.place());
            item.put("subject", f.subject());
            item.put("message", f.message());
            if (f.witness() != null) {
                item.put("witness", f.witness());
            }
            items.add(item);
        }
        return items;
    }

    /**
     * Reads a guarantees file as {@link GuaranteeFile#read} does, but bounded while reading: a pipe or a device (a
     * link to {@code /dev/zero}) is refused, and so is a file over {@link BoundedFiles#MAX_GUARANTEES_BYTES}.
     */
    private static String guaranteesText(Path file) {
        try {
            return BoundedFiles.text(file, "guarantees file", BoundedFiles.MAX_GUARANTEES_BYTES);
        } catch (java.io.IOException e) {
            throw new PolicyCli.UsageProblem("cannot read guarantees file [" + file + "]: " + e.getMessage());
        }
    }

    private int guarantees(PrintWriter out, List<Object> json, Path file, List<GuaranteeResult> results) {
        int exit = PolicyCli.OK;
        List<Object> items = new ArrayList<>();
        long proven = results.stream().filter(r -> r.status() == GuaranteeResult.Status.PROVEN).count();
        if (output.format == PolicyCli.Format.text) {
            out.println(file + ": " + proven + " of " + count(results.size(), "guarantee") + " proven");
        }
        for (GuaranteeResult r : results) {
            exit = Math.max(exit, r.status() == GuaranteeResult.Status.PROVEN ? PolicyCli.OK
                    : r.status() == GuaranteeResult.Status.INTERNAL ? PolicyCli.INTERNAL : PolicyCli.NO);
            if (output.format == PolicyCli.Format.json) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", r.guarantee().name());
                item.put("place", r.guarantee().place());
                item.put("expect", r.guarantee().expect().toString());
                item.put("status", r.status().name());
                item.put("detail", r.detail());
                if (r.counterexample() != null) {
                    item.put("counterexample", r.counterexample());
                }
                items.add(item);
            } else {
                out.println(r.guarantee().place() + ": " + r.status() + ": " + r.guarantee().name() + " ("
                        + r.guarantee().expect() + "): " + r.detail());
                if (r.counterexample() != null) {
                    out.println("  counterexample: " + JsonText.line(r.counterexample()));
                }
            }
        }
        if (output.format == PolicyCli.Format.json) {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("guarantees", file.toString());
            tree.put("results", items);
            json.add(tree);
        }
        return exit;
    }

    private int change(PrintWriter out, Analysis newer, Analysis older) {
        ChangeProof proof = newer.against(older);
        boolean internal = proof.changes().stream().anyMatch(c -> c.detail().contains("internal error"));
        if (output.format == PolicyCli.Format.json) {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("old", proof.oldVersion());
            tree.put("new", proof.newVersion());
            List<Object> items = new ArrayList<>();
            for (ChangeProof.Change c : proof.changes()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("remedy", c.remedy());
                item.put("role", c.role());
                if (c.period() != null) {
                    item.put("period", c.period());
                }
                item.put("verdict", c.verdict().name());
                item.put("detail", c.detail());
                if (c.stricter() != null) {
                    item.put("stricter", c.stricter());
                }
                if (c.looser() != null) {
                    item.put("looser", c.looser());
                }
                items.add(item);
            }
            tree.put("changes", items);
            tree.put("notCompared", proof.notCompared());
            tree.put("leftOut", proof.leftOut());
            out.println(JsonText.pretty(tree));
        } else {
            List<ChangeProof.Change> differences = proof.differences();
            out.println(proof.oldVersion() + " -> " + proof.newVersion() + ": " + differences.size() + " of "
                    + count(proof.changes().size(), "remedy and role pair") + " changed");
            for (ChangeProof.Change c : differences) {
                out.println(c.remedy() + " for " + c.role() + (c.period() == null ? "" : " (" + c.period() + ")")
                        + ": " + c.verdict() + ": " + c.detail());
                if (c.stricter() != null) {
                    out.println("  stricter case: " + JsonText.line(c.stricter()));
                }
                if (c.looser() != null) {
                    out.println("  looser case: " + JsonText.line(c.looser()));
                }
            }
            proof.notCompared().forEach(s -> out.println("not compared: " + s));
            proof.leftOut().forEach(s -> out.println("left out: " + s));
        }
        out.flush();
        if (internal) {
            return PolicyCli.INTERNAL;
        }
        return changeExitsOne && !proof.differences().isEmpty() ? PolicyCli.NO : PolicyCli.OK;
    }

    private static String kind(Finding.Kind kind) {
        return Baseline.name(kind);
    }

    private static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
