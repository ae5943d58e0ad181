package dev.parley.tools;

import dev.parley.image.ImagePreparer;
import dev.parley.image.ScreenCapture;
import dev.parley.image.TurnImage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The tools Parley ships with, in the order the model is told about them. */
public final class BuiltInTools {

    private BuiltInTools() {}

    /** With a screenshot of the whole screen at the default size for {@code look_at_screen}. */
    public static List<Tool> create(Clock clock, Memory memory, Timers timers) {
        ImagePreparer preparer = new ImagePreparer(ImagePreparer.DEFAULT_MAX_SIDE);
        return create(clock, memory, Optional.of(timers),
                () -> preparer.prepare(ScreenCapture.wholeScreen(), "the screenshot"));
    }

    /**
     * {@code timers}: empty where Parley ends after the answer ({@code ask}), so no timer could ever
     * ring: the model is not offered {@code set_timer} and says it cannot, instead of promising one.
     * {@code screenshot}: what {@code look_at_screen} shows the model.
     */
    public static List<Tool> create(Clock clock, Memory memory, Optional<Timers> timers,
            Supplier<TurnImage> screenshot) {
        List<Tool> tools = new ArrayList<>(List.of(new Calculator(), new CurrentTime(clock), new UnitConverter()));
        timers.ifPresent(running -> tools.addAll(List.of(running.setTimerTool(), running.listTimersTool())));
        tools.addAll(List.of(memory.rememberTool(), memory.recallTool(), new ScreenLook(screenshot)));
        return List.copyOf(tools);
    }
}
