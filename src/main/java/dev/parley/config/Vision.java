package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A provider's {@code vision}: whether its model can see images. {@code auto} (the default) asks an
 * Ollama server for the model's capabilities and otherwise goes by the model's name
 * ({@code llm.KnownVisionModels}).
 */
public enum Vision {
    TRUE, FALSE, AUTO;

    /** YAML's {@code true} and {@code false} arrive as booleans, {@code auto} as text: all are read as text. */
    @JsonCreator
    public static Vision of(String value) {
        if (value == null) {
            return AUTO;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> TRUE;
            case "false", "no" -> FALSE;
            case "auto", "" -> AUTO;
            default -> throw new IllegalArgumentException(ShownValues.quoted(value) + " is not true, false or auto");
        };
    }

    @JsonValue
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
