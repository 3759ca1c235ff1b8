package org.resolutionpolicy.format.json;

import java.util.Locale;

/**
 * Checks that bytes are well-formed UTF-8 as Unicode defines it: no stray or missing continuation byte, no overlong
 * form, no encoded surrogate (CESU-8, or a lone surrogate written by a broken encoder) and nothing beyond U+10FFFF.
 * Jackson's byte parser decodes an encoded surrogate into a Java string without a word.
 */
final class Utf8 {

    private Utf8() {
    }

    /**
     * Returns null when the bytes are UTF-8, else the 1-based column (byte) of the first bad sequence, a space and
     * what is wrong with it.
     */
    static String check(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int need;
            int min;
            if (b >= 0xc2 && b <= 0xdf) {
                need = 1;
                min = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                need = 2;
                min = 0x800;
            } else if (b >= 0xf0 && b <= 0xf4) {
                need = 3;
                min = 0x10000;
            } else {
                return (i - offset + 1) + " the byte [" + hex(bytes, i, 1) + "] starts no UTF-8 character";
            }
            int code = b & (0x3f >> need);
            for (int k = 1; k <= need; k++) {
                if (i + k >= end || (bytes[i + k] & 0xc0) != 0x80) {
                    return (i - offset + 1) + " the bytes [" + hex(bytes, i, k) + "] end before their character does";
                }
                code = (code << 6) | (bytes[i + k] & 0x3f);
            }
            if (code < min) {
                return (i - offset + 1) + " the bytes [" + hex(bytes, i, need + 1) + "] are an overlong form";
            }
            if (code >= 0xd800 && code <= 0xdfff) {
                return (i - offset + 1) + " the bytes [" + hex(bytes, i, need + 1) + "] encode a lone surrogate (U+"
                        + Integer.toHexString(code).toUpperCase(Locale.ROOT) + "), which is no character";
            }
            if (code > 0x10ffff) {
                return (i - offset + 1) + " the bytes [" + hex(bytes, i, need + 1) + "] are beyond U+10FFFF";
            }
            i += need + 1;
        }
        return null;
    }

    /**
     * Returns the text with each lone surrogate written as {@code \uD800}, or null when it has none: a message that
     * echoed one could not be written as UTF-8.
     */
    static String loneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format(Locale.ROOT, "\\u%04X", (int) c);
            }
        }
        return null;
    }

    private static String hex(byte[] bytes, int from, int count) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < count && from + k < bytes.length; k++) {
            out.append(k == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02X", bytes[from + k] & 0xff));
        }
        return out.toString();
    }
}
