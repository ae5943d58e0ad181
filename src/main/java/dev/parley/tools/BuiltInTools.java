package dev.parley.tools;

import java.time.Clock;
import java.util.List;

/** The tools Parley ships with, in the order the model is told about them. */
public final class BuiltInTools {

    private BuiltInTools() {}

    public static List<Tool> create(Clock clock, Memory memory, Timers timers) {
        return List.of(new Calculator(), new CurrentTime(clock), new UnitConverter(), timers.setTimerTool(),
                timers.listTimersTool(), memory.rememberTool(), memory.recallTool());
    }
}
