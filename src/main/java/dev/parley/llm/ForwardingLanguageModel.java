package dev.parley.llm;

/**
 * A model that wraps another one and answers in its name: the wrappers (limits, cache, metering)
 * change how a request is made, never which provider it speaks for.
 */
public abstract class ForwardingLanguageModel implements LanguageModel {

    protected final LanguageModel model;

    protected ForwardingLanguageModel(LanguageModel model) {
        this.model = model;
    }

    @Override
    public final String name() {
        return model.name();
    }

    @Override
    public final String describe() {
        return model.describe();
    }

    @Override
    public final boolean canSee() {
        return model.canSee();
    }
}
