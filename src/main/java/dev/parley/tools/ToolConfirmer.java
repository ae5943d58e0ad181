package dev.parley.tools;

/**
 * Decides whether a tool the config marks as needing confirmation may run. Asked before the call;
 * a refusal is reported to the model, never as an error to the user.
 */
@FunctionalInterface
public interface ToolConfirmer {

    boolean confirm(String toolName, String argumentsJson);

    /** Where nobody can be asked (no terminal), nothing that needs confirmation runs. */
    ToolConfirmer DENY = (toolName, argumentsJson) -> false;
}
