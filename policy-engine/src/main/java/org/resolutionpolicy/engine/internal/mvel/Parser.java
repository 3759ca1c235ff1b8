package org.resolutionpolicy.engine.internal.mvel;

import static org.resolutionpolicy.engine.internal.mvel.TypeWords.article;
import static org.resolutionpolicy.engine.internal.mvel.TypeWords.describe;
import static org.resolutionpolicy.engine.internal.mvel.TypeWords.isRanked;
import static org.resolutionpolicy.engine.internal.mvel.TypeWords.label;
import static org.resolutionpolicy.engine.internal.mvel.TypeWords.operand;
import static org.resolutionpolicy.engine.internal.mvel.TypeWords.requireType;

import org.resolutionpolicy.model.expr.Expr;
import org.resolutionpolicy.model.expr.HelperKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.resolutionpolicy.model.source.Hints;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.value.Values;

/**
 * Parses and type-checks the allowed subset of MVEL into an {@link Expr} tree.
 *
 * <pre>
 * expr    := or ('?' expr ':' expr)?
 * or      := and ('||' and)*
 * and     := unary ('&amp;&amp;' unary)*
 * unary   := '!' unary | compare
 * compare := sum (('=='|'!='|'&lt;'|'&lt;='|'&gt;'|'&gt;=') sum)?
 * sum     := product (('+'|'-') product)*
 * product := sign (('*'|'/'|'%') sign)*
 * sign    := '-' sign | primary
 * primary := number | string | true | false | null | '(' expr ')' | path | path '(' string (',' string)? ')'
 *          | function '(' expr (',' expr)* ')'
 * function := min | max | hoursBetween | daysBetween | businessDaysBetween | floor | ceil | round | plusMonths | plusDays
 * </pre>
 *
 * A path is a fact of the policy's catalog; a call is one of the allowed helpers. Anything else is rejected
 * with its offset, before anything is compiled.
 *
 * <p>Limits keep every later walk of the tree (compiling, explaining, printing) linear and shallow, so that no
 * expression can overflow a small thread stack: parentheses, {@code !} and unary {@code -} nest at most
 * {@value #MAX_DEPTH} levels, operators at most {@value #MAX_NESTED_OPERATORS} (a chain {@code a + b + c} nests
 * one per operator), and an expression has at most {@value #MAX_TERMS} terms (numbers, texts, facts, helpers).
 */
final class Parser {

    static final int MAX_DEPTH = 40;
    static final int MAX_NESTED_OPERATORS = 100;
    static final int MAX_TERMS = 500;

    private static final Set<String> ORDER_HELPERS = Set.of("atLeast", "atMost", "above", "below");
    private static final Set<String> STRING_HELPERS = Set.of("startsWith", "endsWith", "contains");
    private static final Set<String> CLASS_WORDS = Set.of("java", "javax", "jdk", "sun", "com", "org", "System",
            "Runtime", "Class", "Thread", "ProcessBuilder", "Process", "Object", "Math", "String", "Integer",
            "ClassLoader", "Files", "Paths", "File", "MVEL", "Array");
    private static final Set<String> REFLECTION_WORDS = Set.of("getClass", "class", "forName", "getMethod",
            "getDeclaredMethod", "invoke", "newInstance", "getRuntime", "exec", "exit", "setProperty", "getProperty");
    private static final Set<String> KEYWORDS = Set.of("new", "import", "def", "function", "if", "else", "for",
            "foreach", "while", "do", "until", "return", "assert", "with", "var", "this", "isdef", "empty", "nil");

    private final ExpressionContext context;
    private final List<Token> tokens;
    private int position;
    private int depth;
    private int terms;

    private Parser(ExpressionContext context, List<Token> tokens) {
        this.context = context;
        this.tokens = tokens;
    }

    static Expr parse(String text, ExpressionContext context) throws ExpressionException {
        Expr expr = parseAny(text, context);
        if (expr.type() != FactType.BOOLEAN) {
            throw new ExpressionException("a condition must be true or false, but this is a "
                    + label(expr.type()), 0, "compare it, e.g. [amount > 50]");
        }
        return expr;
    }

    /**
     * Parses an amount: an expression whose value is a number ({@code 12 * attributes.daysLate}).
     *
     * @throws ExpressionException if it is not allowed, malformed, mistyped or not a number
     */
    static Expr parseNumber(String text, ExpressionContext context) throws ExpressionException {
        Expr expr = parseAny(text, context);
        if (expr.type() != FactType.NUMBER) {
            throw new ExpressionException("an amount must be a number, but this is a " + label(expr.type()), 0,
                    "compute it from numbers, e.g. [12 * attributes.daysLate] or [min(attributes.paid, 600)]");
        }
        return expr;
    }

    private static Expr parseAny(String text, ExpressionContext context) throws ExpressionException {
        Parser parser = new Parser(context, Lexer.tokens(text));
        if (parser.peek().kind() == Token.Kind.END) {
            throw new ExpressionException("expression is empty", 0, null);
        }
        Expr expr = parser.expr();
        Token rest = parser.peek();
        if (rest.kind() != Token.Kind.END) {
            throw parser.unexpected(rest);
        }
        return expr;
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        return tokens.get(position++);
    }

    private boolean accept(String op) {
        if (peek().is(op)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String op) throws ExpressionException {
        if (!accept(op)) {
            Token t = peek();
            throw new ExpressionException("expected [" + op + "] but found " + describe(t), t.offset(), null);
        }
    }

    /** Parses MVEL's conditional {@code c ? a : b}, the lowest of all operators, which groups to the right. */
    private Expr expr() throws ExpressionException {
        Expr condition = or();
        if (!peek().is("?")) {
            return condition;
        }
        Token question = next();
        enter(question);
        Expr then = expr();
        expect(":");
        Expr otherwise = expr();
        depth--;
        ValueFunctions.checkConditional(condition, then, otherwise);
        return nested(question, new Expr.Conditional(condition.offset(), condition, then, otherwise));
    }

    private Expr or() throws ExpressionException {
        Expr left = and();
        while (peek().is("||")) {
            Token op = next();
            Expr right = and();
            left = logical(op, left, right);
        }
        return left;
    }

    private Expr and() throws ExpressionException {
        Expr left = unary();
        while (peek().is("&&")) {
            Token op = next();
            Expr right = unary();
            left = logical(op, left, right);
        }
        return left;
    }

    private Expr logical(Token op, Expr left, Expr right) throws ExpressionException {
        requireType(left, FactType.BOOLEAN, op.text());
        requireType(right, FactType.BOOLEAN, op.text());
        return nested(op, new Expr.Binary(left.offset(), FactType.BOOLEAN, op.text(), left, right));
    }

    private Expr unary() throws ExpressionException {
        if (peek().is("!")) {
            Token op = next();
            enter();
            Expr operand = unary();
            depth--;
            requireType(operand, FactType.BOOLEAN, "!");
            return nested(op, new Expr.Unary(op.offset(), FactType.BOOLEAN, "!", operand));
        }
        return compare();
    }

    private Expr compare() throws ExpressionException {
        Expr left = sum();
        Token op = peek();
        if (isComparison(op)) {
            next();
            Expr right = sum();
            Expr result = comparison(op, left, right);
            Token after = peek();
            if (isComparison(after)) {
                throw new ExpressionException("comparisons cannot be chained", after.offset(),
                        "write [a < b && b < c]");
            }
            return result;
        }
        return left;
    }

    private static boolean isComparison(Token t) {
        return t.is("==") || t.is("!=") || t.is("<") || t.is("<=") || t.is(">") || t.is(">=");
    }

    private Expr sum() throws ExpressionException {
        Expr left = product();
        while (peek().is("+") || peek().is("-")) {
            Token op = next();
            Expr right = product();
            left = arithmetic(op, left, right);
        }
        return left;
    }

    private Expr product() throws ExpressionException {
        Expr left = sign();
        while (peek().is("*") || peek().is("/") || peek().is("%")) {
            Token op = next();
            Expr right = sign();
            left = arithmetic(op, left, right);
        }
        return left;
    }

    private Expr arithmetic(Token op, Expr left, Expr right) throws ExpressionException {
        requireType(left, FactType.NUMBER, op.text());
        requireType(right, FactType.NUMBER, op.text());
        return nested(op, new Expr.Binary(left.offset(), FactType.NUMBER, op.text(), left, right));
    }

    private Expr sign() throws ExpressionException {
        if (peek().is("-")) {
            Token op = next();
            enter();
            Expr operand = sign();
            depth--;
            requireType(operand, FactType.NUMBER, "-");
            if (operand instanceof Expr.Literal literal) {
                return new Expr.Literal(op.offset(), FactType.NUMBER, ((BigDecimal) literal.value()).negate());
            }
            return nested(op, new Expr.Unary(op.offset(), FactType.NUMBER, "-", operand));
        }
        return primary();
    }

    private Expr primary() throws ExpressionException {
        Token t = next();
        if (t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.IDENT) {
            countTerm(t);
        }
        return switch (t.kind()) {
            case NUMBER -> new Expr.Literal(t.offset(), FactType.NUMBER, new BigDecimal(t.text()));
            case STRING -> new Expr.Literal(t.offset(), FactType.STRING, t.text());
            case IDENT -> identifier(t);
            case OP -> {
                if (!t.is("(")) {
                    throw unexpected(t);
                }
                enter(t);
                Expr inner = expr();
                depth--;
                expect(")");
                yield inner;
            }
            default -> throw new ExpressionException("expression ends too early", t.offset(), null);
        };
    }

    private Expr identifier(Token first) throws ExpressionException {
        String word = first.text();
        if (word.equals("true") || word.equals("false")) {
            return new Expr.Literal(first.offset(), FactType.BOOLEAN, Boolean.valueOf(word));
        }
        if (word.equals("null")) {
            return new Expr.Literal(first.offset(), null, null);
        }
        if (word.equals("new")) {
            throw new ExpressionException("object creation is not allowed: [new]", first.offset(), null);
        }
        if (KEYWORDS.contains(word)) {
            throw new ExpressionException("[" + word + "] is not allowed: an expression is one condition, not a program",
                    first.offset(), word.equals("if") ? "write MVEL's conditional [condition ? value : otherwise]" : null);
        }
        if (word.equals("and") || word.equals("or")) {
            throw new ExpressionException("[" + word + "] is not an operator here", first.offset(),
                    "use [" + (word.equals("and") ? "&&" : "||") + "]");
        }
        if (peek().is("(") && Functions.ARGUMENTS.containsKey(word)) {
            return function(first);
        }
        if (peek().is("(") && ValueFunctions.handles(word)) {
            return nested(first, ValueFunctions.call(first, peek(), arguments(), context));
        }
        List<Token> parts = new ArrayList<>();
        parts.add(first);
        while (peek().is(".")) {
            Token dot = next();
            Token part = next();
            if (part.kind() != Token.Kind.IDENT) {
                throw new ExpressionException("expected a name after [.]", dot.offset(), null);
            }
            parts.add(part);
        }
        StringBuilder path = new StringBuilder();
        for (Token p : parts) {
            if (REFLECTION_WORDS.contains(p.text())) {
                throw new ExpressionException("reflection and system access are not allowed: [" + p.text() + "]",
                        p.offset(), null);
            }
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(p.text());
        }
        if (peek().is("(")) {
            return call(first, parts, path.toString());
        }
        FactPath fact = context.facts().find(path.toString());
        if (fact != null) {
            if (fact.type() == FactType.HISTORY) {
                throw new ExpressionException("[customer.history] cannot be used directly", first.offset(),
                        "use history.count('remedy', 'P30D') or history.total('remedy', 'P30D')");
            }
            return new Expr.FactRef(first.offset(), fact);
        }
        if (path.toString().equals("severity.rank")) {
            return new Expr.Helper(first.offset(), "severity.rank", new HelperKind.SeverityRank());
        }
        if (path.toString().equals("employee.role.rank")) {
            return new Expr.Helper(first.offset(), "employee.role.rank", new HelperKind.RoleRank());
        }
        throw unknownName(first, parts, path.toString());
    }

    private ExpressionException unknownName(Token first, List<Token> parts, String path) {
        return UnknownNames.refusal(first, parts.size(), path, context, CLASS_WORDS);
    }

    private Expr call(Token first, List<Token> parts, String path) throws ExpressionException {
        Token open = next();
        List<Token> args = new ArrayList<>();
        if (!peek().is(")")) {
            do {
                Token arg = next();
                if (arg.kind() != Token.Kind.STRING) {
                    throw new ExpressionException("helper arguments must be quoted names such as 'voucher'",
                            arg.offset(), null);
                }
                args.add(arg);
            } while (accept(","));
        }
        expect(")");
        String method = parts.get(parts.size() - 1).text();
        String target = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
        int offset = first.offset();
        if (target.equals("history") && (method.equals("count") || method.equals("total"))) {
            return history(offset, open, method, args);
        }
        if ((target.equals("severity") || target.equals("employee.role")) && ORDER_HELPERS.contains(method)) {
            FactPath fact = context.facts().find(target);
            Expr.FactRef ref = new Expr.FactRef(offset, fact);
            if (args.size() != 1) {
                throw new ExpressionException(path + "(..) takes one name", open.offset(), null);
            }
            Expr rank = rankLiteral(fact.type(), args.get(0));
            String op = switch (method) {
                case "atLeast" -> ">=";
                case "atMost" -> "<=";
                case "above" -> ">";
                default -> "<";
            };
            return new Expr.Binary(offset, FactType.BOOLEAN, op, ref, rank);
        }
        FactPath fact = context.facts().find(target);
        if (fact != null && fact.type() == FactType.STRING && STRING_HELPERS.contains(method)) {
            if (args.size() != 1) {
                throw new ExpressionException(path + "(..) takes one string", open.offset(), null);
            }
            String needle = args.get(0).text();
            HelperKind kind = switch (method) {
                case "startsWith" -> new HelperKind.StartsWith(fact, needle);
                case "endsWith" -> new HelperKind.EndsWith(fact, needle);
                default -> new HelperKind.Contains(fact, needle);
            };
            return new Expr.Helper(offset, path + "('" + needle + "')", kind);
        }
        if (CLASS_WORDS.contains(first.text()) || Character.isUpperCase(first.text().charAt(0))) {
            throw new ExpressionException("class references are not allowed: [" + first.text() + "]", offset, null);
        }
        throw new ExpressionException("method calls are not allowed: [" + path + "(..)]", offset,
                "allowed helpers: severity.atLeast('HIGH'), severity.rank, history.count('remedy', 'P6M'), "
                        + "history.total('remedy', 'P30D'), <text fact>.startsWith/endsWith/contains('x'), "
                        + "min(a, b), max(a, b), hoursBetween(d1, d2), daysBetween(d1, d2), businessDaysBetween(d1, d2), "
                        + "floor(x), ceil(x), round(x, 2), plusMonths(d, n), plusDays(d, n)");
    }

    /** Parses the arguments of an allow-listed function and checks their types. */
    private Expr function(Token name) throws ExpressionException {
        String function = name.text();
        Token open = peek();
        List<Expr> args = arguments();
        boolean variadic = Functions.variadic(function);
        if (variadic ? args.size() < 2 : args.size() != 2) {
            throw new ExpressionException(function + "(..) takes " + (variadic ? "two or more numbers" : "two date-times")
                    + ", but has [" + args.size() + "] arguments", open.offset(),
                    variadic ? "e.g. [" + function + "(attributes.paid, 600)]"
                            : "e.g. [" + function + "(attributes.scheduledAt, attributes.arrivedAt)]");
        }
        FactType wanted = Functions.ARGUMENTS.get(function);
        int height = 0;
        for (int i = 0; i < args.size(); i++) {
            Expr arg = args.get(i);
            if (wanted == FactType.DATETIME && arg instanceof Expr.Literal l && l.type() == FactType.STRING) {
                arg = dateLiteral(arg);
                args.set(i, arg);
            }
            requireType(arg, wanted, function);
            height = Math.max(height, arg.height());
        }
        return nested(name, new Expr.Call(name.offset(), function, args, context.calendar(), height + 1));
    }

    /** Parses the arguments of a call, from its opening parenthesis to its closing one. */
    private List<Expr> arguments() throws ExpressionException {
        Token open = next();
        enter(open);
        List<Expr> args = new ArrayList<>();
        if (!peek().is(")")) {
            do {
                args.add(expr());
            } while (accept(","));
        }
        depth--;
        expect(")");
        return args;
    }

    private Expr history(int offset, Token open, String method, List<Token> args) throws ExpressionException {
        if (args.isEmpty() || args.size() > 2) {
            throw new ExpressionException("history." + method + "(..) takes a remedy and optionally a period, e.g. "
                    + "history." + method + "('voucher', 'P6M')", open.offset(), null);
        }
        String remedy = args.get(0).text();
        if (!context.remedies().contains(remedy)) {
            throw new ExpressionException("unknown remedy [" + remedy + "]", args.get(0).offset(),
                    Hints.didYouMean(remedy, context.remedies()));
        }
        TemporalAmount window = null;
        if (args.size() == 2) {
            window = Values.parsePeriod(args.get(1).text(), context.calendar());
            if (window == null) {
                String said = args.get(1).text();
                boolean calendar = said.trim().regionMatches(true, 0, "calendar", 0, 8);
                throw new ExpressionException(calendar ? Values.periodProblem(said, "the period of history." + method)
                        : "[" + said + "] is not an ISO-8601 period such as P30D, P6M or business days such as P7BD",
                        args.get(1).offset(), calendar ? "write one of " + org.resolutionpolicy.api.CalendarPeriod.EXAMPLES
                        : null);
            }
        }
        String text = "history." + method + "('" + remedy + "'" + (window == null ? "" : ", '" + args.get(1).text() + "'") + ")";
        BigDecimal amountless = context.countRemedies().contains(remedy) ? BigDecimal.ONE : BigDecimal.ZERO;
        HelperKind kind = method.equals("count") ? new HelperKind.HistoryCount(remedy, window)
                : new HelperKind.HistoryTotal(remedy, window, amountless);
        return new Expr.Helper(offset, text, kind);
    }

    private Expr comparison(Token op, Expr left, Expr right) throws ExpressionException {
        String o = op.text();
        boolean equality = o.equals("==") || o.equals("!=");
        // presence: fact == null / fact != null
        if (left.type() == null || right.type() == null) {
            Expr other = left.type() == null ? right : left;
            if (!equality) {
                throw new ExpressionException("[null] can only be compared with == or !=", op.offset(), null);
            }
            if (!(other instanceof Expr.FactRef fact)) {
                throw new ExpressionException("only a fact can be compared with [null]", other.offset(), null);
            }
            return new Expr.Presence(left.offset(), fact, o.equals("!="));
        }
        // ranked facts and dates against a quoted literal: resolve the literal now, at load
        if (isRanked(left.type()) && right instanceof Expr.Literal && right.type() == FactType.STRING) {
            right = rankLiteral(left.type(), right);
        } else if (isRanked(right.type()) && left instanceof Expr.Literal && left.type() == FactType.STRING) {
            left = rankLiteral(right.type(), left);
        } else if (left.type() == FactType.DATETIME && right instanceof Expr.Literal && right.type() == FactType.STRING) {
            right = dateLiteral(right);
        } else if (right.type() == FactType.DATETIME && left instanceof Expr.Literal && left.type() == FactType.STRING) {
            left = dateLiteral(left);
        } else if (left.type() == FactType.REMEDY && right instanceof Expr.Literal r && r.type() == FactType.STRING) {
            checkRemedy(r);
            right = new Expr.Literal(r.offset(), FactType.REMEDY, r.value());
        } else if (right.type() == FactType.REMEDY && left instanceof Expr.Literal l && l.type() == FactType.STRING) {
            checkRemedy(l);
            left = new Expr.Literal(l.offset(), FactType.REMEDY, l.value());
        }
        if (left.type() != right.type()) {
            throw new ExpressionException("cannot compare " + operand(left) + " (" + label(left.type()) + ") with "
                    + operand(right) + " (" + label(right.type()) + ")", op.offset(), null);
        }
        if (!equality && !left.type().isOrdered()) {
            throw new ExpressionException(label(left.type()) + " values can only be compared with == and !=, not ["
                    + o + "]", op.offset(), null);
        }
        return nested(op, new Expr.Binary(left.offset(), FactType.BOOLEAN, o, left, right));
    }

    private Expr rankLiteral(FactType type, Token name) throws ExpressionException {
        return rankLiteral(type, new Expr.Literal(name.offset(), FactType.STRING, name.text()));
    }

    private Expr rankLiteral(FactType type, Expr literal) throws ExpressionException {
        String name = (String) ((Expr.Literal) literal).value();
        List<String> scale = type == FactType.SEVERITY ? context.severities() : context.roles();
        int rank = scale.indexOf(name);
        if (rank < 0) {
            throw new ExpressionException("unknown " + (type == FactType.SEVERITY ? "severity" : "role") + " [" + name + "]",
                    literal.offset(), Hints.didYouMean(name, scale));
        }
        return new Expr.Literal(literal.offset(), type, rank);
    }

    static Expr dateLiteral(Expr literal) throws ExpressionException {
        String text = (String) ((Expr.Literal) literal).value();
        Instant instant = Values.parseInstant(text);
        if (instant == null && Values.isOutsideDateRange(text)) {
            throw new ExpressionException("[" + text + "] is outside the supported dates, " + Values.DATE_RANGE,
                    literal.offset(), null);
        }
        if (instant == null) {
            throw new ExpressionException("[" + text + "] is not an ISO-8601 date-time", literal.offset(), null);
        }
        return new Expr.Literal(literal.offset(), FactType.DATETIME, instant);
    }

    private void checkRemedy(Expr literal) throws ExpressionException {
        String name = (String) ((Expr.Literal) literal).value();
        if (!context.remedies().contains(name)) {
            throw new ExpressionException("unknown remedy [" + name + "]", literal.offset(),
                    Hints.didYouMean(name, context.remedies()));
        }
    }





    /** Returns the operator node, or refuses it when it nests more operators than allowed. */
    static Expr nested(Token op, Expr node) throws ExpressionException {
        if (node.height() > MAX_NESTED_OPERATORS) {
            throw new ExpressionException("operators nested too deeply: [" + node.height() + "] inside one another, "
                    + "at most [" + MAX_NESTED_OPERATORS + "]", op.offset(),
                    "split the condition into several rules (a rule's conditions are AND-ed), "
                            + "or group a long chain with parentheses");
        }
        return node;
    }

    private void countTerm(Token t) throws ExpressionException {
        if (++terms > MAX_TERMS) {
            throw new ExpressionException("expression has more than [" + MAX_TERMS + "] terms", t.offset(),
                    "split the condition into several rules; a rule's conditions are AND-ed");
        }
    }

    private void enter() throws ExpressionException {
        enter(peek());
    }

    private void enter(Token at) throws ExpressionException {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionException("expression is nested too deeply: at most [" + MAX_DEPTH + "] levels",
                    at.offset(), null);
        }
    }

    private ExpressionException unexpected(Token t) {
        if (t.kind() == Token.Kind.IDENT) {
            String w = t.text().toLowerCase(Locale.ROOT);
            if (w.equals("and") || w.equals("or")) {
                return new ExpressionException("[" + t.text() + "] is not an operator here", t.offset(),
                        "use [" + (w.equals("and") ? "&&" : "||") + "]");
            }
            return new ExpressionException("unexpected [" + t.text() + "]", t.offset(),
                    "operators are == != < <= > >= && || ! + - * / %");
        }
        return new ExpressionException("unexpected " + describe(t), t.offset(), null);
    }
}
