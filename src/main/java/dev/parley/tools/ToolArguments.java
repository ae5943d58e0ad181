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

    public BigDecimal number(String name) {
        String text = text(name).strip();
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new ToolException("parameter '" + name + "' must be a number, not '" + text + "'");
        }
    }
}
