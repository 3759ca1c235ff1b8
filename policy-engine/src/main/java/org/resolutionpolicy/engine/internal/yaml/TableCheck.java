package org.resolutionpolicy.engine.internal.yaml;

import org.resolutionpolicy.format.yaml.NodeReader;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.FactType;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Checks a decision table's rows at load, as its hit policy asks: {@code hit: unique} rows must not overlap, and a
 * {@code complete: true} table must match every value of its inputs. Each input's line is cut at the numbers the
 * rows name (each number and the open stretches between them; for text, each named value and "any other"); a row
 * matches a whole piece or none of it, so testing one representative of every combination of pieces is exact.
 * Reports at most {@value #MOST} problems of each kind.
 */
final class TableCheck {

    private static final int MOST = 3;
    /** Beyond this many combinations the table is not checked, with a warning. */
    private static final int MOST_COMBINATIONS = 100_000;

    /** One stretch of an input's values: a representative and how to describe it. */
    private record Piece(Object value, String text) {
    }

    private final NodeReader r;
    private final String what;
    private final List<FactPath> inputs;
    private final List<DefinitionReader.Row> rows;
    private final boolean unique;
    private final boolean complete;

    TableCheck(NodeReader r, String what, List<FactPath> inputs, List<DefinitionReader.Row> rows, boolean unique,
               boolean complete) {
        this.r = r;
        this.what = what;
        this.inputs = inputs;
        this.rows = rows;
        this.unique = unique;
        this.complete = complete;
    }

    void run() {
        List<List<Piece>> pieces = new ArrayList<>();
        long combinations = 1;
        for (int i = 0; i < inputs.size(); i++) {
            List<Piece> p = pieces(i);
            if (p == null) {
                return;
            }
            pieces.add(p);
            combinations *= p.size();
            if (combinations > MOST_COMBINATIONS) {
                r.warning(rows.get(0).node(), what + " has too many combinations of input values to check its rows ["
                        + combinations + "+]", "split it into smaller tables");
                return;
            }
        }
        int[] at = new int[inputs.size()];
        int overlaps = 0;
        int gaps = 0;
        for (long n = 0; n < combinations; n++) {
            List<Integer> matching = new ArrayList<>();
            for (int row = 0; row < rows.size(); row++) {
                if (matches(row, pieces, at)) {
                    matching.add(row);
                }
            }
            if (unique && matching.size() > 1 && overlaps++ < MOST) {
                r.error(rows.get(matching.get(1)).node(), "rows " + (matching.get(0) + 1) + " and "
                        + (matching.get(1) + 1) + " of " + what + " overlap: both match " + describe(pieces, at),
                        "a table with hit: unique needs exclusive rows: make a bound exclusive (above/below), "
                                + "or say hit: first to take the first row that matches");
            }
            if (complete && matching.isEmpty() && gaps++ < MOST) {
                r.error(rows.get(rows.size() - 1).node(), what + " is incomplete: no row matches " + describe(pieces, at),
                        "add a row for it, or a last row of any: [" + String.join(", ",
                                java.util.Collections.nCopies(inputs.size(), "any")) + ", <value>]");
            }
            for (int i = at.length - 1; i >= 0; i--) {
                if (++at[i] < pieces.get(i).size()) {
                    break;
                }
                at[i] = 0;
            }
        }
    }

    private String describe(List<List<Piece>> pieces, int[] at) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < at.length; i++) {
            parts.add(inputs.get(i).name() + " " + pieces.get(i).get(at[i]).text());
        }
        return String.join(" and ", parts);
    }

    private boolean matches(int row, List<List<Piece>> pieces, int[] at) {
        for (int i = 0; i < at.length; i++) {
            Node cell = rows.get(row).written()[i];
            if (!contains(cell, inputs.get(i).type(), pieces.get(i).get(at[i]).value())) {
                return false;
            }
        }
        return true;
    }

    /** Returns the pieces of one input's values, or null after reporting a cell the check cannot read. */
    private List<Piece> pieces(int input) {
        FactType type = inputs.get(input).type();
        if (type != FactType.NUMBER) {
            TreeSet<String> named = new TreeSet<>();
            for (DefinitionReader.Row row : rows) {
                Node cell = row.written()[input];
                if (!any(cell) && !values(cell, named)) {
                    return unreadable(cell);
                }
            }
            List<Piece> out = new ArrayList<>();
            if (type == FactType.BOOLEAN) {
                // true and false are all a boolean can be
                out.add(new Piece("true", "= true"));
                out.add(new Piece("false", "= false"));
                return out;
            }
            named.forEach(v -> out.add(new Piece(v, "= " + v)));
            out.add(new Piece(null, named.isEmpty() ? "of any value" : "other than " + named));
            return out;
        }
        TreeSet<BigDecimal> points = new TreeSet<>();
        for (DefinitionReader.Row row : rows) {
            Node cell = row.written()[input];
            if (!any(cell) && !bounds(cell, points)) {
                return unreadable(cell);
            }
        }
        List<Piece> out = new ArrayList<>();
        BigDecimal previous = null;
        for (BigDecimal p : points) {
            out.add(previous == null ? new Piece(p.subtract(BigDecimal.ONE), "below " + p.toPlainString())
                    : new Piece(previous.add(p).divide(BigDecimal.valueOf(2)), "between " + previous.toPlainString()
                            + " and " + p.toPlainString() + " (both excluded)"));
            out.add(new Piece(p, "= " + p.toPlainString()));
            previous = p;
        }
        out.add(previous == null ? new Piece(BigDecimal.ZERO, "of any value")
                : new Piece(previous.add(BigDecimal.ONE), "above " + previous.toPlainString()));
        return out;
    }

    private List<Piece> unreadable(Node cell) {
        r.error(cell, what + " checks its rows for overlaps and gaps only with any, a value, a list of values and "
                + "atLeast/atMost/above/below", "write this condition as a definition and use it in a rule");
        return null;
    }

    private static boolean any(Node cell) {
        return cell instanceof ScalarNode s && (s.getValue().equals("any") || s.getValue().equals("-"));
    }

    private static boolean values(Node cell, TreeSet<String> out) {
        if (cell instanceof ScalarNode s) {
            out.add(s.getValue());
            return true;
        }
        if (cell instanceof SequenceNode list && list.getValue().stream().allMatch(n -> n instanceof ScalarNode)) {
            list.getValue().forEach(n -> out.add(((ScalarNode) n).getValue()));
            return true;
        }
        return false;
    }

    private static boolean bounds(Node cell, TreeSet<BigDecimal> out) {
        if (cell instanceof MappingNode map) {
            for (var t : map.getValue()) {
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                BigDecimal n = NodeReader.numberOrNull(t.getValueNode());
                if (!List.of("atLeast", "atMost", "above", "below").contains(key) || n == null) {
                    return false;
                }
                out.add(n);
            }
            return true;
        }
        List<Node> items = cell instanceof SequenceNode list ? list.getValue() : List.of(cell);
        for (Node item : items) {
            BigDecimal n = NodeReader.numberOrNull(item);
            if (n == null) {
                return false;
            }
            out.add(n);
        }
        return true;
    }

    /** Returns true if a cell, already read without error, holds the value (a piece's representative). */
    private static boolean contains(Node cell, FactType type, Object value) {
        if (any(cell)) {
            return true;
        }
        if (type != FactType.NUMBER) {
            TreeSet<String> named = new TreeSet<>();
            values(cell, named);
            return value != null && named.contains((String) value);
        }
        BigDecimal x = (BigDecimal) value;
        if (cell instanceof MappingNode map) {
            for (var t : map.getValue()) {
                int c = x.compareTo(NodeReader.numberOrNull(t.getValueNode()));
                boolean holds = switch (((ScalarNode) t.getKeyNode()).getValue()) {
                    case "atLeast" -> c >= 0;
                    case "atMost" -> c <= 0;
                    case "above" -> c > 0;
                    default -> c < 0;
                };
                if (!holds) {
                    return false;
                }
            }
            return true;
        }
        List<Node> items = cell instanceof SequenceNode list ? list.getValue() : List.of(cell);
        return items.stream().anyMatch(n -> NodeReader.numberOrNull(n).compareTo(x) == 0);
    }
}
