package dev.parley.tools;

import dev.parley.image.ImageException;
import dev.parley.image.TurnImage;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code look_at_screen}: a screenshot of the user's whole screen, for "what's this error on my
 * screen?". Whether it may run at all ({@code llm.tools.screen}: ask, allow, deny) is the tool
 * runner's decision; no display is a result the model reads and passes on.
 */
public final class ScreenLook implements ImageTool {

    public static final String NAME = "look_at_screen";

    private final Supplier<TurnImage> capture;

    /** {@code capture}: takes the screenshot, checked and scaled; fails with an {@link ImageException}. */
    public ScreenLook(Supplier<TurnImage> capture) {
        this.capture = capture;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Takes a screenshot of the user's whole screen and shows it to you. Use it when the user asks about"
                + " something on their screen (an error, a window, a page), then answer from what you see.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of();
    }

    @Override
    public Result look(ToolArguments arguments) {
        try {
            return new Result("Here is the user's screen as it is now (the image after this result).",
                    List.of(capture.get()));
        } catch (ImageException e) {
            throw new ToolException(e.getMessage());
        }
    }
}
