package dev.parley.tools;

import java.util.List;

/**
 * Something the model may ask Parley to do. Described in plain terms (name, description,
 * parameters) so the LLM layer can offer it to any provider without this package knowing how.
 */
public interface Tool {

    /** The name the model calls, e.g. {@code calculate}. */
    String name();

    /** What the tool does and when to use it, written for the model. */
    String description();

    List<ToolParameter> parameters();

    /**
     * Runs the tool. The result is text for the model; a problem the model can fix (bad input)
     * is a {@link ToolException} whose message it gets to read.
     */
    String execute(ToolArguments arguments);
}
