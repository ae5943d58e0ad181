package dev.parley.cli;

import dev.parley.Components.LlmChoice;
import picocli.CommandLine.Option;

/** The options that pick a provider for one run, shared by every command that talks to a model. */
final class LlmOptions {

    @Option(names = "--provider", paramLabel = "NAME", description = "Provider from config.yaml (default: llm.active).")
    String provider;

    @Option(names = "--model", paramLabel = "M", description = "Model to use instead of the provider's configured one.")
    String model;

    @Option(names = "--base-url", paramLabel = "URL", description = "Endpoint to use instead of the provider's configured one.")
    String baseUrl;

    LlmChoice choice() {
        return new LlmChoice(provider, model, baseUrl);
    }
}
