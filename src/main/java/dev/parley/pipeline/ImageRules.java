package dev.parley.pipeline;

import dev.parley.config.LlmConfig;
import dev.parley.image.TurnImage;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.LlmException;
import dev.parley.llm.ModelVision;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a turn that shows images must pass before the conversation or the model hears of it: at
 * most {@code maxCount} images ({@code llm.images.max-count}), and a model that can see.
 *
 * @param cannotSee why a provider (by name) cannot take images, naming one that can
 */
public record ImageRules(int maxCount, Function<String, String> cannotSee) {

    /** Four images, and a refusal that names no alternative (for runners built without the config). */
    public static final ImageRules DEFAULTS = new ImageRules(4, provider -> "The provider '" + provider
            + "' cannot see images, so nothing was sent.");

    /**
     * The configured rules: at most {@code llm.images.max-count}; a refusal names the configured
     * providers that can see ({@link ModelVision#refusal}).
     */
    public static ImageRules of(LlmConfig llm, ModelVision vision) {
        return new ImageRules(llm.images().maxCount(), name -> vision.refusal(name,
                llm.providers().containsKey(name) ? llm.providers().get(name).model() : "?", llm));
    }

    /** What keeps {@code images} from going to {@code model}, or empty when they may. */
    public Optional<String> refusal(LanguageModel model, List<TurnImage> images) {
        return refusal(model, images.size());
    }

    /** As {@link #refusal(LanguageModel, List)} for {@code count} images not yet decoded. */
    public Optional<String> refusal(LanguageModel model, int count) {
        if (count == 0) {
            return Optional.empty();
        }
        if (count > maxCount) {
            return Optional.of("A turn may show at most " + maxCount + " images (llm.images.max-count); this one has "
                    + count + ".");
        }
        return model.canSee() ? Optional.empty() : Optional.of(cannotSee.apply(model.name()));
    }

    void check(LanguageModel model, List<TurnImage> images) {
        refusal(model, images).ifPresent(why -> {
            throw new LlmException(LlmException.Kind.INVALID_REQUEST, why, null, null, "");
        });
    }
}
