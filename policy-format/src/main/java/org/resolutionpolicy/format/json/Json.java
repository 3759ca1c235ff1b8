package org.resolutionpolicy.format.json;

import org.resolutionpolicy.model.value.Values;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Serialises a tree of maps, lists, strings, numbers and booleans as JSON, keeping map order.
 * Small enough that neither the engine nor the CLI needs a JSON library.
 */
public final class Json {

    private Json() {
    }

    /** Returns the JSON text of a tree, indented by two spaces. */
    public static String write(Object tree) {
        StringBuilder out = new StringBuilder();
        write(tree, out, 0, true);
        return out.toString();
    }

    /** Returns the JSON text of a tree on one line, as JSON-lines files want it. */
    public static String line(Object tree) {
        StringBuilder out = new StringBuilder();
        write(tree, out, 0, false);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int depth, boolean pretty) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof BigDecimal b) {
            out.append(Values.normalize(b).toPlainString());
        } else if (value instanceof Number) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                newline(out, depth + 1, pretty);
                string(String.valueOf(e.getKey()), out);
                out.append(pretty ? ": " : ":");
                write(e.getValue(), out, depth + 1, pretty);
            }
            newline(out, depth, pretty);
            out.append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                out.append(first ? "" : ",");
                first = false;
                newline(out, depth + 1, pretty);
                write(item, out, depth + 1, pretty);
            }
            newline(out, depth, pretty);
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write [" + value.getClass().getName() + "] as JSON");
        }
    }

    private static void newline(StringBuilder out, int depth, boolean pretty) {
        if (!pretty) {
            return;
        }
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
