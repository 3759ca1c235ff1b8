package org.resolutionpolicy.drools.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resolutionpolicy.api.PolicySource;

/**
 * Turns the declarations of a DRL-only policy into YAML whose lines are those of the DRL, so the YAML policy
 * reader checks them and its problems point at the DRL's lines.
 *
 * <pre>
 * declare Policy
 *     &#64;policy("coffee-shop") &#64;version("2026.11")
 *     &#64;roles("barista, shift-lead, store-manager")
 *     &#64;remedies("apology: none, voucher: money")
 * end
 * declare BaristaAuthority
 *     &#64;authority("barista")
 *     &#64;limits("apology: unlimited, voucher: { perGrant: 10, perCustomer: { max: 30, window: P30D } }")
 * end
 * </pre>
 */
final class DrlHeader {

    private static final Pattern DECLARE = Pattern.compile("(?m)^\\s*declare\\s+(\\w+)(.*?)^\\s*end\\b", Pattern.DOTALL);
    private static final Pattern ANNOTATION = Pattern.compile("@(\\w+)\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");

    private DrlHeader() {
    }

    /** Returns the YAML header of a DRL source, or null when it declares no {@code @policy}. */
    static PolicySource of(PolicySource drl) {
        String text = drl.text();
        int lineCount = text.split("\n", -1).length;
        String[] yaml = new String[lineCount + 1];
        boolean policy = false;
        boolean authorityKey = false;
        Matcher declare = DECLARE.matcher(text);
        while (declare.find()) {
            List<int[]> places = new ArrayList<>();
            List<String[]> annotations = new ArrayList<>();
            Matcher a = ANNOTATION.matcher(declare.group(2));
            while (a.find()) {
                int index = declare.start(2) + a.start();
                annotations.add(new String[] {a.group(1), a.group(2).replace("\\\"", "\"")});
                places.add(new int[] {line(text, index)});
            }
            boolean isPolicy = annotations.stream().anyMatch(x -> x[0].equals("policy"));
            boolean isAuthority = annotations.stream().anyMatch(x -> x[0].equals("authority"));
            String role = annotations.stream().filter(x -> x[0].equals("authority")).map(x -> x[1]).findFirst().orElse(null);
            for (int i = 0; i < annotations.size(); i++) {
                String key = annotations.get(i)[0];
                String value = annotations.get(i)[1];
                int line = places.get(i)[0];
                if (isPolicy) {
                    policy = true;
                    set(yaml, line, policyLine(key, value));
                } else if (isAuthority && key.equals("limits")) {
                    set(yaml, line, "  " + role + ": { " + value + " }");
                } else if (isAuthority && key.equals("authority") && !authorityKey) {
                    set(yaml, line, "authority:");
                    authorityKey = true;
                }
            }
        }
        if (!policy) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= lineCount; i++) {
            out.append(yaml[i] == null ? "" : yaml[i]).append('\n');
        }
        return PolicySource.of(drl.name(), out.toString());
    }

    private static void set(String[] yaml, int line, String content) {
        // two annotations on one line become one flow map line: keep them apart by joining with a newline
        // would shift lines, so the second goes on as a continuation of the same mapping instead
        yaml[line] = yaml[line] == null ? content : yaml[line] + "\n" + content;
    }

    private static String policyLine(String key, String value) {
        switch (key) {
            case "severities":
            case "roles":
                return key + ": [" + value + "]";
            case "swat":
                return "swat: { team: " + value + " }";
            case "remedies":
                return "remedies: { " + remedies(value) + " }";
            case "attributes":
                return "attributes: { " + value + " }";
            case "version":
            case "description":
                return key + ": \"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            default:
                return key + ": " + value;
        }
    }

    /** {@code apology: none, voucher: money} becomes {@code apology: { unit: none }, voucher: { unit: money }}. */
    private static String remedies(String value) {
        List<String> out = new ArrayList<>();
        for (String pair : value.split(",")) {
            String[] kv = pair.split(":", 2);
            out.add(kv.length == 2 ? kv[0].trim() + ": { unit: " + kv[1].trim() + " }" : pair.trim());
        }
        return String.join(", ", out);
    }

    private static int line(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
