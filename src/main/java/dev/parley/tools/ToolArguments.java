package dev.parley.tools;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The arguments of one tool call, already parsed from the model's JSON. Models are loose with
 * types (a number sent as "12"), so the getters accept either form.
 */
public record ToolArguments(Map<String, Object> values) {

    public ToolArguments {
        values = Map.copyOf(values);
    }

    public static ToolArguments of(Map<String, Object> values) {
        return new ToolArguments(values);
    }

    /** The text of {@code name}; missing or blank → a {@link ToolException} naming the parameter. */
    public String text(String name) {
        String text = optionalText(name);
        if (text == null || text.isBlank()) {
            throw new ToolException("missing parameter '" + name + "'");
        }
        return text;
    }

    /** The text of {@code name}, or null when absent. */
    public String optionalText(String name) {
        Object value = values.get(name);
        return value == null ? null : value.toString();
    }

    /**
     * No tool works with numbers beyond 10^±1000 or with more than 1,000 digits, and exact arithmetic on
     * one such as 1e99999999 (a valid BigDecimal of ten characters) builds a hundred million digits.
     */
    static final int MAX_MAGNITUDE = 1_000;

    public BigDecimal number(String name) {
        String text = text(name).strip();
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new ToolException("parameter '" + name + "' must be a number, not '" + shortened(text) + "'");
        }
        long magnitude = (long) number.precision() - number.scale();
        if (number.signum() != 0 && (Math.abs(magnitude) > MAX_MAGNITUDE || number.precision() > MAX_MAGNITUDE)) {
            throw new ToolException("parameter '" + name + "' is " + shortened(text) + ", beyond any number this tool"
                    + " works with (at most " + MAX_MAGNITUDE + " digits, and between 1e-" + MAX_MAGNITUDE + " and 1e"
                    + MAX_MAGNITUDE + ")");
        }
        return number;
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
