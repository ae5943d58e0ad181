package dev.parley.tools;

/** One parameter of a {@link Tool}, as the model is told about it (a JSON-schema property). */
public record ToolParameter(String name, Type type, String description, boolean required) {

    public enum Type { STRING, NUMBER, INTEGER }

    public static ToolParameter required(String name, Type type, String description) {
        return new ToolParameter(name, type, description, true);
    }

    public static ToolParameter optional(String name, Type type, String description) {
        return new ToolParameter(name, type, description, false);
    }
}
