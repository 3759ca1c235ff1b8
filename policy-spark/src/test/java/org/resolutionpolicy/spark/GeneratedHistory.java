package org.resolutionpolicy.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a seeded history of coffee-shop cases: every tier, severity, category and remedy, amounts with and without
 * cents, cases without {@code openedAt} or proposals, SWAT triggers, follow-ups; and, where asked, the lines a real
 * export has that hold no decidable case: malformed JSON, an unknown severity, a blank line, a decision log's reload
 * line, an unknown role.
 */
final class GeneratedHistory {

    private static final String[] SEVERITIES = {"LOW", "MEDIUM", "HIGH", "CRITICAL"};
    private static final String[] CATEGORIES = {"late-order", "wrong-order", "gift-card", "cold-drink", "promotion"};
    private static final String[] ROLES = {"barista", "barista", "shift-lead", "store-manager", "district-manager"};
    private static final String[] TIERS = {null, "SILVER", "GOLD", "PLATINUM"};
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private GeneratedHistory() {
    }

    /** Returns the lines of the bad kinds, each a line of its own, and which of them a replay counts as bad. */
    static List<String> oddLines() {
        return List.of(
                "{\"id\": \"C-bad-json\", \"severity\": ",
                "{\"id\": \"C-bad-severity\", \"severity\": \"URGENT\", \"employee\": {\"role\": \"barista\"},"
                        + " \"proposals\": [{\"remedy\": \"voucher\", \"amount\": 5}]}",
                "   ",
                "{\"reload\": {\"revision\": \"2026.11@x\"}}",
                "{\"id\": \"C-intern\", \"severity\": \"LOW\", \"employee\": {\"role\": \"intern\"},"
                        + " \"proposals\": [{\"remedy\": \"voucher\", \"amount\": 5}]}");
    }

    /**
     * Writes {@code cases} generated cases, and after every {@code oddEvery}-th case (0: never) one of the odd lines.
     *
     * @return the file
     */
    static Path write(Path file, int cases, long seed, int oddEvery) {
        Random random = new Random(seed);
        List<String> odd = oddLines();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= cases; i++) {
                out.write(caseJson(random, i));
                out.write('\n');
                if (oddEvery > 0 && i % oddEvery == 0) {
                    out.write(odd.get((i / oddEvery - 1) % odd.size()));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Returns one case; its shape changes with the random draws so that every rule of the policy gets cases. */
    static String caseJson(Random random, int i) {
        StringBuilder json = new StringBuilder("{\"id\": \"C-").append(i).append('"');
        json.append(", \"severity\": \"").append(pick(random, SEVERITIES)).append('"');
        json.append(", \"category\": \"").append(pick(random, CATEGORIES)).append('"');
        json.append(", \"channel\": \"").append(random.nextBoolean() ? "phone" : "counter").append('"');
        if (random.nextInt(20) != 0) {
            json.append(", \"openedAt\": \"").append(START.plusSeconds(random.nextInt(365 * 24 * 3600))).append('"');
        }
        json.append(", \"employee\": {\"id\": \"E-").append(random.nextInt(50)).append("\", \"role\": \"")
                .append(pick(random, ROLES)).append("\"}");
        json.append(", \"customer\": {\"id\": \"K-").append(random.nextInt(300)).append('"');
        String tier = pick(random, TIERS);
        if (tier != null) {
            json.append(", \"tier\": \"").append(tier).append('"');
        }
        if (random.nextInt(3) == 0) {
            json.append(", \"history\": [");
            int n = 1 + random.nextInt(5);
            for (int h = 0; h < n; h++) {
                json.append(h == 0 ? "" : ", ").append("{\"remedy\": \"voucher\", \"amount\": 10, \"at\": \"")
                        .append(START.plusSeconds(random.nextInt(200 * 24 * 3600))).append("\"}");
            }
            json.append(']');
        }
        json.append('}');
        json.append(", \"impact\": {\"outOfPocket\": ").append(random.nextInt(4) == 0 ? "12.50" : "0")
                .append(", \"socialReach\": ").append(random.nextInt(25) == 0 ? 20000 : random.nextInt(500))
                .append(", \"safetyIssue\": ").append(random.nextInt(30) == 0)
                .append(", \"legalThreat\": ").append(random.nextInt(60) == 0).append('}');
        json.append(", \"attributes\": {\"delayMinutes\": ").append(random.nextInt(40))
                .append(", \"loyaltyCard\": ").append(random.nextBoolean()).append(", \"store\": \"S-")
                .append(random.nextInt(9)).append("\"}");
        int proposals = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
        if (proposals == 0) {
            // a latitude question: no proposals field at all (an empty list is a malformed case)
            return json.append('}').toString();
        }
        json.append(", \"proposals\": [");
        List<String> remedies = new ArrayList<>(List.of("voucher", "refund", "free-drink", "discount", "apology"));
        for (int p = 0; p < proposals; p++) {
            String remedy = remedies.remove(random.nextInt(remedies.size()));
            json.append(p == 0 ? "" : ", ").append("{\"remedy\": \"").append(remedy).append('"');
            String amount = switch (remedy) {
                case "voucher" -> pick(random, new String[] {"5", "12.5", "20", "40", "80", "9.99"});
                case "refund" -> pick(random, new String[] {"10", "30", "60.25", "150", "300", "24.10"});
                case "free-drink" -> Integer.toString(1 + random.nextInt(5));
                case "discount" -> pick(random, new String[] {"10", "25", "50", "80"});
                default -> null;
            };
            if (amount != null) {
                json.append(", \"amount\": ").append(amount);
            }
            json.append('}');
        }
        return json.append("]}").toString();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
