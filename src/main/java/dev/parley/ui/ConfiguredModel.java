package dev.parley.ui;

import dev.parley.Components;
import dev.parley.conversation.Message;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.LlmException;
import dev.parley.llm.LlmReply;
import dev.parley.llm.ReplyListener;
import java.util.List;

/**
 * The configured provider, built on first use: by the first reply or the warm-up after Ready. If it
 * cannot be built, each reply says why.
 */
final class ConfiguredModel implements LanguageModel {

    private final Components components;
    private final String active;
    private LanguageModel created;

    ConfiguredModel(Components components, String active) {
        this.components = components;
        this.active = active;
    }

    /**
     * Builds the model and asks whether it can see, which an Ollama answers over HTTP ({@code
     * /api/show}, remembered for the process): the warm-up after Ready calls this, so the first turn
     * pays for neither.
     */
    void build() {
        model().canSee();
    }

    private synchronized LanguageModel model() {
        if (created == null) {
            created = components.languageModel(Components.LlmChoice.CONFIGURED);
        }
        return created;
    }

    @Override
    public String name() {
        return active;
    }

    @Override
    public String describe() {
        return active;
    }

    /**
     * Whether the configured provider's model can see: asked of the model itself, built for it if no
     * reply has built it yet. Without this the window refused every picture (paste, file, screen) for
     * the configured provider until the user switched providers. Asked on a turn's thread, never the
     * window's; a provider that cannot be built cannot see, and its reply says why.
     */
    @Override
    public boolean canSee() {
        try {
            return model().canSee();
        } catch (LlmException notCreated) {
            return false;
        }
    }

    @Override
    public LlmReply reply(List<Message> messages, ReplyListener listener) {
        LanguageModel model;
        try {
            model = model();
        } catch (LlmException notCreated) {
            throw new LlmException(notCreated.getMessage() + " Or switch to another provider in the toolbar.",
                    notCreated);
        }
        return model.reply(messages, listener);
    }
}
