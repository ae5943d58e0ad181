package dev.parley.cli;

import dev.parley.Components.LlmChoice;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that pick a provider for one run, shared by every command that talks to a model. Checked
 * as they are parsed, before the config loads: an empty --model was sent as a request without a model.
 */
final class LlmOptions {

    /** The command these options belong to, for its usage errors. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    String provider;
    String model;
    String baseUrl;

    @Option(names = "--provider", paramLabel = "NAME", description = "Provider from config.yaml (default: llm.active).")
    void provider(String name) {
        OptionChecks.notBlank(command, "--provider", name);
        provider = name;
    }

    @Option(names = "--model", paramLabel = "M", description = "Model to use instead of the provider's configured one.")
    void model(String name) {
        OptionChecks.notBlank(command, "--model", name);
        model = name.strip();
    }

    @Option(names = "--base-url", paramLabel = "URL", description = "Endpoint to use instead of the provider's configured one.")
    void baseUrl(String url) {
        OptionChecks.httpUrl(command, "--base-url", url);
        baseUrl = url.strip();
    }

    LlmChoice choice() {
        return new LlmChoice(provider, model, baseUrl);
    }
}
