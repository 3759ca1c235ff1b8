package org.resolutionpolicy.format.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import org.resolutionpolicy.format.internal.CaseCursor;
import org.resolutionpolicy.model.value.Values;

/**
 * Walks a JSON document token by token on Jackson's streaming parser, for
 * {@link org.resolutionpolicy.format.internal.CaseFields}: the current value is the parser's current token, and no
 * tree is built, so a history line is read in one pass without garbage of its own. JSON knows no dates; a date is
 * text.
 *
 * @param p the parser, standing on the first token of a value
 * @param lineOffset added to the parser's line: a history line is line 1 to the parser and line N of its file
 */
record JsonCaseCursor(JsonParser p, int lineOffset) implements CaseCursor {

    @Override
    public Kind kind() {
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_OBJECT -> Kind.MAP;
            case START_ARRAY -> Kind.LIST;
            case VALUE_NULL -> Kind.NULL;
            case VALUE_STRING -> Kind.TEXT;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Kind.NUMBER;
            case VALUE_TRUE, VALUE_FALSE -> Kind.BOOLEAN;
            default -> throw new IllegalStateException("no value at token [" + t + "]");
        };
    }

    @Override
    public String text() throws IOException {
        return whole(p.getText());
    }

    /** Refuses text with a lone surrogate (a {@code \\uD800} escape without its pair): it is no Unicode text. */
    private String whole(String text) throws IOException {
        String lone = text == null ? null : Utf8.loneSurrogate(text);
        if (lone != null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "text holds a lone surrogate (" + lone
                    + "), which is no character: text is Unicode, and a surrogate comes in pairs",
                    p.currentTokenLocation());
        }
        return text;
    }

    @Override
    public BigDecimal number() throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return BigDecimal.valueOf(p.getLongValue()); // the usual amount: no text, nothing to normalise
        }
        return Values.numberOrNull(p.getText());
    }

    @Override
    public Boolean bool() {
        return p.currentToken() == JsonToken.VALUE_TRUE;
    }

    /** Returns true: JSON text is always quoted. */
    @Override
    public boolean quoted() {
        return true;
    }

    @Override
    public void skip() throws IOException {
        p.skipChildren();
    }

    @Override
    public void enter() {
        // the parser stands on the map's or list's start; its next token is the first key or item, or the end
    }

    @Override
    public boolean nextEntry() throws IOException {
        return p.nextToken() == JsonToken.FIELD_NAME;
    }

    @Override
    public String key() throws IOException {
        return whole(p.currentName());
    }

    @Override
    public int keyLine() {
        return p.currentTokenLocation().getLineNr() + lineOffset;
    }

    @Override
    public void toValue() throws IOException {
        p.nextToken();
    }

    @Override
    public boolean nextItem() throws IOException {
        return p.nextToken() != JsonToken.END_ARRAY;
    }
}
