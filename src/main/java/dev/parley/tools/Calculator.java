package dev.parley.tools;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/**
 * {@code calculate}: exact decimal arithmetic, because models are unreliable at it and binary
 * floating point would answer 0.1 + 0.2 = 0.30000000000000004. A recursive-descent parser over
 * BigDecimal; no script engine, so nothing but arithmetic can run.
 *
 * <pre>
 * expression := term (('+' | '-') term)*
 * term       := unary (('*' | '/') unary)*
 * unary      := ('-' | '+') unary | power          so -2^2 = -4, as in mathematics
 * power      := percent ('^' unary)?               right-associative: 2^3^2 = 2^9
 * percent    := primary '%'?                       50% = 0.5
 * primary    := number | '(' expression ')'
 * </pre>
 */
public final class Calculator implements Tool {

    /** Division and negative powers keep 20 significant digits: plenty for speech, and finite. */
    static final MathContext PRECISION = new MathContext(20);
    private static final int MAX_EXPONENT = 9999;
    /**
     * No operand or result may have more digits than this. Exact arithmetic on longer numbers takes time
     * that grows without bound (((9^9999)^9999)^9999 would run for hours) and cannot be interrupted, so
     * such a calculation is refused before it starts rather than left running after its timeout.
     */
    static final int MAX_DIGITS = 10_000;
    /** Longer than any arithmetic a person says; also keeps error messages and parsing bounded. */
    static final int MAX_EXPRESSION_CHARS = 1_000;
    /** Deeper nesting is no real calculation, and each level costs stack. */
    static final int MAX_NESTING = 100;
    /** Results longer than this are given to 20 significant digits: nobody listens to more. */
    private static final int MAX_EXACT_DIGITS = 40;
    private static final double LOG10_2 = Math.log10(2);

    @Override
    public String name() {
        return "calculate";
    }

    @Override
    public String description() {
        return "Evaluates an arithmetic expression exactly (decimal, not floating point). Supports + - * / ^, "
                + "parentheses, unary minus, decimals and % (50% = 0.5). Use it for any arithmetic instead of "
                + "calculating yourself.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(ToolParameter.required("expression", ToolParameter.Type.STRING,
                "The expression, e.g. (1+2)*3 or 2^10 or 15% * 80"));
    }

    @Override
    public String execute(ToolArguments arguments) {
        return format(evaluate(arguments.text("expression")));
    }

    /** The exact value of {@code expression}; a {@link ToolException} saying what is wrong otherwise. */
    public static BigDecimal evaluate(String expression) {
        return new Parser(expression).parse();
    }

    /**
     * Plain digits without trailing zeros; results of more than 40 digits to 20 significant ones, and
     * scientific notation only for very long numbers.
     */
    static String format(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.precision() > MAX_EXACT_DIGITS) {
            stripped = stripped.round(PRECISION).stripTrailingZeros();
        }
        if (stripped.signum() == 0) {
            return "0";
        }
        return stripped.precision() - stripped.scale() > 40 || stripped.scale() > 40
                ? stripped.toString() : stripped.toPlainString();
    }

    private static final class Parser {

        private final String text;
        private int position;
        private int nesting;

        Parser(String text) {
            if (text.length() > MAX_EXPRESSION_CHARS) {
                throw new ToolException(String.format(Locale.ROOT, "the expression is %,d characters long; at most %,d are"
                        + " accepted, so split the calculation into steps", text.length(), MAX_EXPRESSION_CHARS));
            }
            this.text = text.replace('×', '*').replace('÷', '/').replace('−', '-').replace(",", "");
        }

        BigDecimal parse() {
            if (text.isBlank()) {
                throw new ToolException("the expression is empty");
            }
            BigDecimal value = expression();
            skipSpaces();
            if (position < text.length()) {
                throw new ToolException("unexpected '" + text.charAt(position) + "' at position " + (position + 1)
                        + " in " + quoted());
            }
            return value;
        }

        /** The expression for an error message, shortened: the model sent it, it needs no echo in full. */
        private String quoted() {
            return "'" + (text.length() <= 60 ? text : text.substring(0, 57) + "...") + "'";
        }

        private BigDecimal expression() {
            BigDecimal value = term();
            while (true) {
                if (take('+')) {
                    value = bounded(value.add(term()));
                } else if (take('-')) {
                    value = bounded(value.subtract(term()));
                } else {
                    return value;
                }
            }
        }

        private BigDecimal term() {
            BigDecimal value = unary();
            while (true) {
                if (take('*')) {
                    BigDecimal factor = unary();
                    if (value.precision() + factor.precision() > MAX_DIGITS + 1) {
                        throw tooLong();
                    }
                    value = bounded(value.multiply(factor));
                } else if (take('/')) {
                    BigDecimal divisor = unary();
                    if (divisor.signum() == 0) {
                        throw new ToolException("division by zero");
                    }
                    value = value.divide(divisor, PRECISION);
                } else {
                    return value;
                }
            }
        }

        private BigDecimal unary() {
            if (take('-')) {
                return unary().negate();
            }
            if (take('+')) {
                return unary();
            }
            return power();
        }

        private BigDecimal power() {
            BigDecimal base = percent();
            if (!take('^')) {
                return base;
            }
            BigDecimal exponent = unary();
            int whole;
            try {
                whole = exponent.intValueExact();
            } catch (ArithmeticException e) {
                throw new ToolException("only whole-number exponents are supported, not " + format(exponent));
            }
            if (Math.abs(whole) > MAX_EXPONENT) {
                throw new ToolException("exponent " + whole + " is too large (at most " + MAX_EXPONENT + ")");
            }
            // The unscaled digits of base^n are those of base's unscaled value to the n: estimate them first.
            double digits = (base.unscaledValue().abs().bitLength() - 1) * LOG10_2 * Math.abs(whole);
            if (digits > MAX_DIGITS) {
                throw tooLong();
            }
            if (whole < 0) {
                if (base.signum() == 0) {
                    throw new ToolException("division by zero (0 to a negative power)");
                }
                return BigDecimal.ONE.divide(base.pow(-whole), PRECISION);
            }
            return bounded(base.pow(whole));
        }

        private static BigDecimal bounded(BigDecimal value) {
            if (value.precision() > MAX_DIGITS) {
                throw tooLong();
            }
            return value;
        }

        private static ToolException tooLong() {
            return new ToolException(String.format(Locale.ROOT, "the numbers get too long: more than %,d digits, which no"
                    + " exact calculation here works with; use smaller numbers or exponents", MAX_DIGITS));
        }

        private BigDecimal percent() {
            BigDecimal value = primary();
            return take('%') ? value.movePointLeft(2) : value;
        }

        private BigDecimal primary() {
            skipSpaces();
            if (take('(')) {
                if (++nesting > MAX_NESTING) {
                    throw new ToolException("the parentheses are nested more than " + MAX_NESTING + " levels deep");
                }
                BigDecimal value = expression();
                if (!take(')')) {
                    throw new ToolException("missing ')' in " + quoted());
                }
                nesting--;
                return value;
            }
            int start = position;
            while (position < text.length() && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
                position++;
            }
            if (start == position) {
                throw new ToolException(position < text.length()
                        ? "unexpected '" + text.charAt(position) + "' at position " + (position + 1) + " in " + quoted()
                        : "the expression " + quoted() + " ends too early");
            }
            String number = text.substring(start, position);
            try {
                return new BigDecimal(number);
            } catch (NumberFormatException e) {
                throw new ToolException("'" + (number.length() <= 60 ? number : number.substring(0, 57) + "...")
                        + "' is not a number");
            }
        }

        private boolean take(char expected) {
            skipSpaces();
            if (position < text.length() && text.charAt(position) == expected) {
                position++;
                return true;
            }
            return false;
        }

        private void skipSpaces() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }
    }
}
