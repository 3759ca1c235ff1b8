package org.resolutionpolicy.report;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.resolutionpolicy.api.AuthorityTable;
import org.resolutionpolicy.api.FollowUp;

/** Renders the rule lists of a matrix page: per remedy, for every remedy, the follow-ups and the disabled rules. */
final class RuleLists {

    private RuleLists() {
    }

    /** Returns the enabled rules that name this remedy, grants included. */
    static Html about(AuthorityTable table, String remedy, String prefix) {
        return list(table, r -> r.enabled() && !r.remedies().isEmpty() && r.remedies().contains(remedy),
                "Rules about " + remedy, prefix + "rules-" + remedy);
    }

    /** Returns the enabled rules about every remedy (or about any, for a source that cannot tell). */
    static Html everyRemedy(AuthorityTable table, String prefix) {
        Html list = list(table, r -> r.enabled() && r.remedies().isEmpty() && r.effect() != AuthorityTable.Rule.Effect.NONE,
                "Rules about every remedy", prefix + "rules-every-remedy");
        return Html.concat(Html.tag("h2").add("Deny, SWAT and require rules for every remedy").html(), list);
    }

    /**
     * Returns the table of follow-ups, each with the condition it is owed under: the rule's, and the outcomes its
     * {@code when} names ({@code only if granted}), read from the model when there is one.
     */
    static Html followUps(AuthorityTable table, org.resolutionpolicy.model.PolicyModel model) {
        Tag body = Html.tag("tbody");
        int n = 0;
        for (AuthorityTable.Rule r : table.rules()) {
            FollowUp f = r.followUp();
            if (!r.enabled() || f == null) {
                continue;
            }
            n++;
            body.add(Html.tag("tr").attr("data-follow-up", r.id())
                    .add(td(f.action())).add(td(f.within() == null ? "" : f.within().toString()))
                    .add(td(f.owner() == null ? "" : f.owner())).add(td(r.id()))
                    .add(td(r.condition() + (r.remedies().isEmpty() ? "" : " (" + String.join(", ", r.remedies()) + ")")
                            + outcomes(model, r.id())))
                    .add(td(r.because())).html());
        }
        Html heading = Html.tag("h2").add("Follow-ups").html();
        if (n == 0) {
            return Html.concat(heading, Html.tag("p").cls("muted").add("The policy asks for no follow-ups.").html());
        }
        Tag head = Html.tag("tr");
        for (String h : List.of("action", "within", "owner", "rule", "when", "because")) {
            head.add(Html.tag("th").add(h).html());
        }
        return Html.concat(heading, Html.tag("table").cls("follow-ups").add(Html.tag("thead").add(head.html()).html())
                .add(body.html()).html());
    }

    /** Returns the rules switched off, so that nobody wonders why a rule in the file does nothing. */
    static Html disabled(AuthorityTable table, String prefix) {
        if (table.rules().stream().allMatch(AuthorityTable.Rule::enabled)) {
            return Html.empty();
        }
        return Html.concat(Html.tag("h2").add("Switched off").html(),
                list(table, r -> !r.enabled(), null, prefix + "rules-disabled"));
    }

    /** Returns {@code , only if the outcome is granted} for a follow-up with a {@code when}, or nothing. */
    private static String outcomes(org.resolutionpolicy.model.PolicyModel model, String rule) {
        if (model == null) {
            return "";
        }
        return model.rules().stream().filter(r -> r.id().equals(rule) && r.followUp() != null
                        && r.followUp().when() != null && !r.followUp().when().isEmpty())
                .findFirst().map(r -> ", only if the outcome is " + String.join(" or ", r.followUp().when()))
                .orElse("");
    }

    private static Html td(String text) {
        return Html.tag("td").add(text).html();
    }

    private static Html list(AuthorityTable table, Predicate<AuthorityTable.Rule> which, String heading, String id) {
        Tag ul = Html.tag("ul").cls("rules").attr("id", id);
        int n = 0;
        for (AuthorityTable.Rule r : table.rules()) {
            if (which.test(r)) {
                ul.add(item(r));
                n++;
            }
        }
        if (n == 0) {
            return Html.empty();
        }
        return heading == null ? ul.html() : Html.concat(Html.tag("h3").add(heading).html(), ul.html());
    }

    private static Html item(AuthorityTable.Rule r) {
        String effect = r.effect().name().toLowerCase(Locale.ROOT);
        String what = switch (r.effect()) {
            case DENY -> "denied";
            case SWAT -> "to SWAT";
            case REQUIRE -> "needs " + r.role();
            case GRANT -> r.entitlement() ? "entitled to " + r.upToText() : r.role() + " up to " + r.upToText();
            case NONE -> "follow-up only";
            case UNKNOWN -> "effect not readable without deciding";
        };
        Tag li = Html.tag("li").attr("data-rule", r.id()).attr("data-effect", effect)
                .add(Html.tag("span").cls("tag " + effect).add(what).html())
                .add(" ").add(Html.tag("b").add(r.id()).html())
                .add(" when " + r.condition());
        if (!r.because().isEmpty()) {
            li.add(Html.tag("div").cls("because").add("\u201c" + r.because() + "\u201d").html());
        }
        if (r.followUp() != null) {
            li.add(Html.tag("div").cls("muted").add("follow-up: " + r.followUp().action()
                    + (r.followUp().within() == null ? "" : " within " + r.followUp().within())).html());
        }
        return li.html();
    }
}
