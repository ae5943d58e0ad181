package dev.parley.cli;

import picocli.CommandLine.Mixin;

/** A subcommand that talks to a model, so it takes the options that pick the provider for one run. */
abstract class ModelSubcommand extends ParleySubcommand {

    @Mixin
    LlmOptions llm;
}
