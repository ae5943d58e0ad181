package dev.parley.tools;

import dev.parley.image.TurnImage;
import java.util.List;

/**
 * A tool whose result includes pictures for the model, such as {@link ScreenLook}. The LLM layer
 * offers it only to models that can see, and shows them its pictures right after its text result.
 */
public interface ImageTool extends Tool {

    /** The text the model reads as the tool's result, and the pictures it is shown with it. */
    record Result(String text, List<TurnImage> images) {
        public Result {
            images = List.copyOf(images);
        }
    }

    Result look(ToolArguments arguments);

    /** The text alone, for callers that cannot show pictures. */
    @Override
    default String execute(ToolArguments arguments) {
        return look(arguments).text();
    }
}
