package org.resolutionpolicy.cli;

import org.resolutionpolicy.format.text.ReasonColumn;

import org.resolutionpolicy.format.ExplanationFormat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.format.json.DecisionJson;
import org.resolutionpolicy.format.json.JsonText;
import org.resolutionpolicy.replay.DecisionLogSummary;
import org.resolutionpolicy.format.text.DecisionTable;
import org.resolutionpolicy.test.ScenarioReport;
import org.resolutionpolicy.test.ScenarioRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs the {@code policy} command line: {@code validate}, {@code decide}, {@code explain}, {@code test} and
 * {@code log-summary}. Tests call {@link #run(PrintStream, PrintStream, String...)}; only {@link #main} exits.
 *
 * <p>Exit codes, alike for every command: 0 success; 1 when the answer is "no" (findings, changes, a failing
 * scenario, the errors {@code validate} was asked to find); 2 for usage and input errors (unknown option, missing
 * argument, a file that does not exist or cannot be read, a policy that does not load, an invalid case, a bad line
 * that fails a run); 3 for an internal error, which is a bug worth reporting: it is printed as one line starting with
 * {@code policy: internal error:}, never as a stack trace. When several arguments fail differently, the
 * highest code wins. Output is UTF-8 whatever the platform's default charset, since JSON is UTF-8.
 */
@Command(name = "policy", mixinStandardHelpOptions = true, versionProvider = PolicyCli.Version.class,
        description = "Validate resolution policies and decide cases with them.")
public final class PolicyCli implements Callable<Integer> {

    /**
     * The subcommands by name, in the order {@code policy --help} lists them. They are registered in {@link #run}
     * rather than in the annotation: picocli reflects over every registered command's options when the command line
     * is built, which was about a third of a cold {@code policy decide} (and loaded the analysis for its types), so a
     * command line naming its subcommand first registers that one alone.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> all = new LinkedHashMap<>();
        all.put("validate", Validate.class);
        all.put("decide", Decide.class);
        all.put("explain", Explain.class);
        all.put("test", Test.class);
        all.put("log-summary", LogSummary.class);
        all.put("matrix", MatrixCommand.class);
        all.put("replay", ReplayCommand.class);
        all.put("diff", DiffCommand.class);
        all.put("analyze", AnalyzeCommand.class);
        all.put("shadow-summary", ShadowSummaryCommand.class);
        all.put("help", CommandLine.HelpCommand.class);
        return java.util.Collections.unmodifiableMap(all);
    }

    /** Success. */
    public static final int OK = 0;
    /** The answer is no: findings, changes, failed scenarios, a policy {@code validate} found errors in. */
    public static final int NO = 1;
    /** The command line is wrong or a file cannot be read. */
    public static final int USAGE = 2;
    /**
     * An input is invalid: a policy that does not load, a case or a history line that is refused. The same code as
     * {@link #USAGE}, so that 1 always means an answer (findings, changes) and never that nothing was answered.
     */
    public static final int INPUT = 2;
    /** A bug in this tool. */
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private PolicyCli() {
    }

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /**
     * Runs the command line with the given streams and returns the exit code.
     *
     * @param out where results go (UTF-8)
     * @param err where problems go: usage errors, unreadable files, invalid cases, a policy's problems in
     *     {@code decide} (UTF-8)
     * @param args the arguments
     * @return 0, 1, 2 or 3, as documented on this class
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        // explicit UTF-8: on a JVM whose default charset is ASCII (Java 17 under LANG=C) text would turn into '?'
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cli = commandLine(args.length == 0 ? null : args[0]);
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(e, commandLine.getErr()));
        try {
            return cli.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /**
     * Returns the command line with the subcommand named first alone, or with all of them when the first argument
     * names none (an option such as {@code --help}, {@code help}, nothing, a mistyped name): what it does for the
     * arguments is the same either way, since picocli only ever runs the subcommand named first.
     */
    static CommandLine commandLine(String first) {
        CommandLine cli = new CommandLine(new PolicyCli());
        Class<?> named = first == null || "help".equals(first) ? null : SUBCOMMANDS.get(first);
        if (named != null) {
            cli.addSubcommand(first, named);
        } else {
            SUBCOMMANDS.forEach(cli::addSubcommand);
        }
        return cli;
    }

    /**
     * Prints why a command failed, on one line and without a stack trace, and returns the exit code.
     * A {@link PolicyException} caused by an {@link IOException} is about a file that cannot be read: 2.
     */
    static int failure(Exception e, PrintWriter err) {
        if (e instanceof UsageProblem) {
            err.println("policy: " + e.getMessage());
            return USAGE;
        }
        if (e instanceof PolicyException) {
            err.println("policy: " + e.getMessage());
            // a history of which no line could be decided, or whose amounts mix currencies, is bad input, as one that
            // cannot be read
            boolean badHistory = e instanceof org.resolutionpolicy.replay.HistoryException h
                    && (h.nothingDecided() || h.mixedCurrencies());
            return e.getCause() instanceof IOException || badHistory ? USAGE : NO;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            err.println("policy: cannot read: " + e.getMessage());
            return USAGE;
        }
        err.println("policy: internal error: " + e + " (please report this)");
        return INTERNAL;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    /** A file that does not exist or cannot be read: the caller's mistake, exit 2. */
    static final class UsageProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageProblem(String message) {
            super(message);
        }
    }

    static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new UsageProblem("no such file or directory [" + path + "]");
        }
        if (!Files.isReadable(path)) {
            throw new UsageProblem("cannot read [" + path + "]");
        }
        return path;
    }

    /** {@code policy validate}. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check policies and print every problem as file:line:col: error|warning: message.",
                "Each argument is one policy: a file, or a directory whose policy files together form one policy"
                    + " (scenario files *.test.yaml and guarantees files *.guarantees.yaml beside them are left out).",
                "Exit code 0 when every policy is valid, 1 when any has an error (or a warning, with --strict),"
                    + " 2 when a file cannot be read.",
                "With --watch it keeps running and validates again after every save, printing the problems or"
                    + " \"ok ... revision ...\", until it is stopped; its exit code is then that of the last"
                    + " validation."})
    static final class Validate implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "policy files or directories")
        List<Path> paths;

        @Option(names = "--strict", description = "treat warnings as errors")
        boolean strict;

        @Option(names = "--watch", description = "keep running and validate again after every save (Ctrl-C stops)")
        boolean watch;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            paths.forEach(PolicyCli::existing);
            int exit = validate(out, err);
            return watch ? ValidateWatch.run(paths, () -> validate(out, err), out, err) : exit;
        }

        /** Validates every path as a policy of its own, printing each verdict; returns the highest exit code. */
        int validate(PrintWriter out, PrintWriter err) {
            int exit = OK;
            for (Path path : paths) {
                try {
                    Policy policy = Policies.load(path);
                    policy.warnings().forEach(out::println);
                    out.println("ok: " + path + " (policy " + policy.id() + " " + policy.version()
                            + (watch ? ", revision " + policy.revision() : "")
                            + (policy.warnings().isEmpty() ? "" : ", " + count(policy.warnings().size(), "warning")) + ")");
                    exit = Math.max(exit, strict && !policy.warnings().isEmpty() ? NO : OK);
                } catch (PolicyLoadException e) {
                    e.problems().forEach(out::println);
                    exit = Math.max(exit, NO);
                } catch (PolicyException e) {
                    // one unreadable policy must not hide the verdict on the others
                    exit = Math.max(exit, failure(e, err));
                }
            }
            out.flush();
            return exit;
        }
    }

    /** {@code policy decide}. */
    @Command(name = "decide", mixinStandardHelpOptions = true,
            description = {"Decide cases with a policy and print the outcomes with their reasons.",
                "All POLICY arguments together form one policy. A case is a YAML or JSON file, or a directory of them.",
                "Exit code 0 when every case was decided, 2 when the policy or a case is invalid or a file cannot be read."})
    static class Decide implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "POLICY", description = "policy files or directories")
        List<Path> policies;

        @Option(names = "--case", required = true, paramLabel = "CASE",
                description = "a case file (YAML or JSON) or a directory of case files; repeatable")
        List<Path> cases;

        @CommandLine.Mixin
        FormatOption output;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            policies.forEach(PolicyCli::existing);
            List<Path> caseFiles = caseFiles(cases);
            Policy policy;
            try {
                policy = Policies.load(policies);
            } catch (PolicyLoadException e) {
                e.problems().forEach(err::println);
                return INPUT;
            } catch (PolicyException e) {
                return failure(e, err);
            }
            List<Object> json = new ArrayList<>();
            int exit = OK;
            boolean firstText = true;
            for (Path file : caseFiles) {
                // one bad case must not stop the others from being decided
                try {
                    CustomerCase c = Cases.load(file);
                    if (output.format == Format.json) {
                        json.add(json(policy, c));
                    } else {
                        out.print((firstText ? "" : "\n") + text(policy, c));
                        firstText = false;
                    }
                } catch (InvalidCaseException e) {
                    err.println(file + ": " + e.getMessage());
                    exit = Math.max(exit, INPUT);
                } catch (PolicyException e) {
                    exit = Math.max(exit, failure(e, err));
                }
            }
            if (output.format == Format.json && !json.isEmpty()) {
                out.println(JsonText.pretty(json.size() == 1 && caseFiles.size() == 1 ? json.get(0) : json));
            }
            out.flush();
            return exit;
        }

        Object json(Policy policy, CustomerCase c) {
            return DecisionJson.tree(policy.decide(c));
        }

        String text(Policy policy, CustomerCase c) {
            return ReasonColumn.wrap(DecisionTable.render(c, policy.decide(c)), ReasonColumn.WIDTH);
        }

        private static List<Path> caseFiles(List<Path> given) {
            List<Path> files = new ArrayList<>();
            for (Path path : given) {
                existing(path);
                if (Files.isDirectory(path)) {
                    try (Stream<Path> list = Files.list(path)) {
                        List<Path> found = list.filter(Files::isRegularFile).filter(Decide::isCaseFile).sorted()
                                .collect(Collectors.toList());
                        if (found.isEmpty()) {
                            throw new UsageProblem("no case files (*.yaml, *.yml, *.json) in directory [" + path + "]");
                        }
                        files.addAll(found);
                    } catch (IOException e) {
                        throw new UsageProblem("cannot read directory [" + path + "]: " + e.getMessage());
                    }
                } else {
                    files.add(path);
                }
            }
            return files;
        }

        private static boolean isCaseFile(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
        }
    }

    /** {@code policy explain}: decide, then say for every rule whether it matched and why not. */
    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = {"Explain decisions rule by rule, and how the authority role was found.",
                "For every rule: whether it matched each proposal and, when not, which condition failed with what values.",
                "Arguments and exit codes as for decide."})
    static final class Explain extends Decide {

        @Override
        Object json(Policy policy, CustomerCase c) {
            return ExplanationFormat.json(policy.explain(c));
        }

        @Override
        String text(Policy policy, CustomerCase c) {
            return ExplanationFormat.text(c, policy.explain(c));
        }
    }

    /** {@code policy test}: run scenario files, the same runner as JUnit's. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Run scenario files (*.test.yaml) and report every failing scenario with expected and actual.",
                "Exit code 0 when every scenario passed, 1 when any failed, a file could not be read, or none ran."})
    static final class Test implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "scenario files or directories to search")
        List<Path> paths;

        @Option(names = "--coverage", description = "also print which rules matched in no scenario")
        boolean coverage;

        @CommandLine.Mixin
        FormatOption output;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            paths.forEach(PolicyCli::existing);
            ScenarioReport report = ScenarioRunner.run(paths);
            PrintWriter out = spec.commandLine().getOut();
            if (output.format == Format.json) {
                out.println(JsonText.pretty(TestReport.json(report, coverage)));
            } else {
                out.print(TestReport.text(report, coverage));
            }
            out.flush();
            return report.passed() ? OK : NO;
        }
    }

    /** {@code policy log-summary}. */
    @Command(name = "log-summary", mixinStandardHelpOptions = true,
            description = {"Count what a JSON-lines decision log holds: outcomes, rules, remedies, approvers, follow-ups.",
                "Exit code 0, or 1 when the log has lines that are not decision records."})
    static final class LogSummary implements Callable<Integer> {

        @Parameters(arity = "1", paramLabel = "FILE", description = "a decision log written by DecisionLog.jsonLines")
        Path file;

        @CommandLine.Mixin
        FormatOption output;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            existing(file);
            DecisionLogSummary s;
            // bounded per line while reading: /dev/zero, or any file of one endless line, is refused, not held whole
            try (BufferedReader in = BoundedFiles.lines(file, BoundedFiles.MAX_LOG_LINE_CHARS)) {
                s = DecisionLogSummary.read(in);
            } catch (BoundedFiles.LineTooLong e) {
                throw new UsageProblem(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (output.format == Format.json) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("decisions", s.decisions());
                json.put("proposals", s.proposals());
                json.put("swatDecisions", s.swatDecisions());
                List<Object> policies = new ArrayList<>();
                for (DecisionLogSummary.PolicyCounts c : s.policies()) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("policy", c.policy());
                    item.put("version", c.version());
                    item.put("decisions", c.decisions());
                    item.put("proposals", c.proposals());
                    item.put("swatDecisions", c.swatDecisions());
                    item.put("byOutcome", c.byOutcome());
                    item.put("byRule", c.byRule());
                    item.put("byRemedy", c.byRemedy());
                    item.put("byApprover", c.byApprover());
                    item.put("byFollowUp", c.byFollowUp());
                    policies.add(item);
                }
                json.put("policies", policies);
                json.put("malformedLines", s.malformedLines());
                json.put("malformedCount", s.malformedCount());
                out.println(JsonText.pretty(json));
            } else {
                out.println(s.decisions() + " decisions, " + s.proposals() + " proposals, " + s.swatDecisions()
                        + " sent to SWAT" + (s.policies().size() > 1 ? ", from " + s.policies().size() + " policies" : ""));
                for (DecisionLogSummary.PolicyCounts c : s.policies()) {
                    // one policy's rules say nothing about another's: each policy and version is counted apart
                    String indent = "";
                    if (s.policies().size() > 1 || c.policy() != null) {
                        out.println("policy " + c.label() + ": " + c.decisions() + " decisions, " + c.proposals()
                                + " proposals, " + c.swatDecisions() + " sent to SWAT");
                        indent = "  ";
                    }
                    counts(out, indent, c);
                }
                if (!s.malformedLines().isEmpty()) {
                    // counted, and the first hundred named: a log of millions of bad lines is not listed
                    out.println("malformed lines: " + (s.malformedCount() > s.malformedLines().size()
                            ? s.malformedCount() + ", the first " + s.malformedLines().size() + " " : "")
                            + s.malformedLines());
                }
            }
            return s.malformedLines().isEmpty() ? OK : NO;
        }

        private static void counts(PrintWriter out, String indent, DecisionLogSummary.PolicyCounts c) {
            section(out, indent, "by outcome (proposals)", c.byOutcome());
            section(out, indent, "by rule (proposals it was a reason for)", c.byRule());
            out.println(indent + "by remedy:");
            c.byRemedy().forEach((remedy, outcomes) -> out.println(indent + "  " + remedy + ": " + outcomes.entrySet()
                    .stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
            section(out, indent, "by approver (escalated cases to approve)", c.byApprover());
            section(out, indent, "by follow-up (follow-ups)", c.byFollowUp());
        }

        private static void section(PrintWriter out, String indent, String title, Map<String, Long> counts) {
            out.println(indent + title + ":");
            if (counts.isEmpty()) {
                out.println(indent + "  (none)");
            }
            counts.forEach((k, v) -> out.println(String.format("%s  %6d  %s", indent, v, k)));
        }
    }

    /** The {@code --format text|json} option shared by the commands that print results. */
    static final class FormatOption {
        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
        Format format;
    }

    /** Output formats. */
    enum Format {
        /** A table for people. */
        text,
        /** The JSON of the policy-format guide. */
        json
    }

    private static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PolicyCli.class.getPackage().getImplementationVersion();
            return new String[] {"policy " + (v == null ? "(development build)" : v)};
        }
    }
}
