package org.resolutionpolicy.format.json;

/**
 * Tells which key a JSON line starts with from its bytes, without a parser: a history line's first key says whether
 * it is a case, a decision-log line or a reload line, and making a parser only to read that key was as dear as
 * reading the rest of a short line.
 */
final class FirstKey {

    private FirstKey() {
    }

    /**
     * Returns the one of {@code keys} the line's object starts with, {@code ""} when it starts with any other plain key,
     * and null when the bytes are not that simple (no object, an escape or a non-ASCII byte in the first key), for a
     * parser to tell.
     *
     * @param line the bytes (UTF-8)
     * @param offset where the line starts
     * @param length the line's length
     * @param keys ASCII keys to look for
     * @return the key found, {@code ""}, or null
     */
    static String among(byte[] line, int offset, int length, String... keys) {
        int end = offset + length;
        int i = skipSpace(line, offset, end);
        if (i >= end || line[i] != '{') {
            return null;
        }
        i = skipSpace(line, i + 1, end);
        if (i >= end || line[i] != '"') {
            return null;
        }
        int from = i + 1;
        for (int j = from; j < end; j++) {
            byte b = line[j];
            if (b == '"') {
                for (String key : keys) {
                    if (is(line, from, j, key)) {
                        return key;
                    }
                }
                return "";
            }
            if (b == '\\' || b < 0x20) { // an escape, a control character, or (negative) a byte of a non-ASCII letter
                return null;
            }
        }
        return null;
    }

    private static int skipSpace(byte[] line, int from, int end) {
        int i = from;
        while (i < end && (line[i] == ' ' || line[i] == '\t' || line[i] == '\n' || line[i] == '\r')) {
            i++;
        }
        return i;
    }

    /** Whether the bytes from..to are the ASCII key. */
    private static boolean is(byte[] line, int from, int to, String key) {
        if (to - from != key.length()) {
            return false;
        }
        for (int k = 0; k < key.length(); k++) {
            if (line[from + k] != key.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
