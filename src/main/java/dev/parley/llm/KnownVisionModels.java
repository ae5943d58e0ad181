package dev.parley.llm;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which models can see images, judged by name, for {@code vision: auto} where the endpoint cannot
 * be asked. The families as of late 2026; a model missing here is set with {@code vision: true}.
 *
 * <ul>
 *   <li>OpenAI: gpt-4o, gpt-4.1, gpt-4.5, gpt-4-turbo, gpt-5, o1, o3, o4 (not the o1-mini and
 *       o3-mini text models)
 *   <li>Anthropic: claude-3 and every later family (claude-3-5, claude-3-7, claude-sonnet-4,
 *       claude-opus-4, claude-haiku-4, ...)
 *   <li>Google: gemini (all but gemini-1.0-pro and gemini-pro), gemma3 (not its 1b and 270m text sizes)
 *   <li>Open models: llava and its variants, any name with "vision" (llama3.2-vision,
 *       granite3.2-vision), qwen-vl / qwen2.5-vl / qwen2.5vl / qwen3-vl, minicpm-v, moondream,
 *       pixtral, mistral-small3.1 and 3.2, llama4, internvl
 * </ul>
 *
 * A path before the name ({@code openai/gpt-4o} on a router, {@code models/gemini-2.5-flash}) is
 * ignored, and so is case.
 */
final class KnownVisionModels {

    private static final List<Pattern> CAN_SEE = List.of(
            "^(chat)?gpt-4o", "^gpt-4\\.1", "^gpt-4\\.5", "^gpt-4-turbo", "^gpt-4-vision", "^gpt-5",
            "^o1(?!-mini)", "^o3(?!-mini)", "^o4",
            "^claude-(3|4|opus-4|sonnet-4|haiku-4|opus-5|sonnet-5|haiku-5)",
            "^gemini-(?!1\\.0-pro|pro$)", "^gemma-?3(?!n)(?![:-](1b|270m))",
            "llava", "vision", "^qwen[0-9.]*-?vl", "-vl\\b", "^minicpm-v", "^moondream", "pixtral",
            "^mistral-small-?3\\.[12]", "^llama-?4", "internvl")
            .stream().map(Pattern::compile).toList();

    private KnownVisionModels() {}

    static boolean canSee(String model) {
        if (model == null) {
            return false;
        }
        String name = model.strip().toLowerCase(Locale.ROOT);
        name = name.substring(name.lastIndexOf('/') + 1);
        for (Pattern family : CAN_SEE) {
            if (family.matcher(name).find()) {
                return true;
            }
        }
        return false;
    }
}
