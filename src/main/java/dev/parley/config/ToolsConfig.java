package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code llm.tools}: whether the model may call Parley's tools, how many rounds of tool calls one
 * reply may take, how long a tool may run, which tools ask the user first, and whether
 * {@code look_at_screen} may capture the screen ({@code screen}: ask, the default, asks the first
 * time in a session; allow; deny, which does not offer the tool).
 */
public record ToolsConfig(
        Boolean enabled,
        @JsonProperty("max-rounds") Integer maxRounds,
        @JsonProperty("timeout-seconds") Integer timeoutSeconds,
        List<String> confirm,
        String screen) {

    public static final ToolsConfig DEFAULTS = new ToolsConfig(null, null, null, null, null);
    public static final List<String> SCREEN_CHOICES = List.of("ask", "allow", "deny");

    /**
     * The names {@code confirm} may list. Kept here rather than asked of the tools package so config
     * stays free of it; {@code BuiltInToolsTest} checks the two agree.
     */
    public static final List<String> BUILT_IN_TOOLS = List.of("calculate", "current_time", "convert_units",
            "set_timer", "list_timers", "remember", "recall", "look_at_screen");

    public ToolsConfig {
        enabled = enabled != null ? enabled : true;
        maxRounds = maxRounds != null ? maxRounds : 5;
        timeoutSeconds = timeoutSeconds != null ? timeoutSeconds : 10;
        confirm = ConfigEntries.list(confirm, "confirm", "tool names like [set_timer, remember]");
        screen = screen != null ? screen.strip().toLowerCase(java.util.Locale.ROOT) : "ask";
    }

    public ToolsConfig(Boolean enabled, Integer maxRounds, Integer timeoutSeconds, List<String> confirm) {
        this(enabled, maxRounds, timeoutSeconds, confirm, null);
    }
}
