/**
 * The first run: the checks and choices of the welcome, as plain classes the CLI ({@code parley setup})
 * and the window's welcome view both drive. Nothing here imports JavaFX or picocli.
 *
 * <p>{@link dev.parley.firstrun.FirstRun} says whether the welcome is due and records that it was done;
 * {@link dev.parley.firstrun.MicrophoneCheck} listens for a moment and reports levels through
 * {@link dev.parley.audio.LevelMeter}; {@link dev.parley.firstrun.VoiceCheck} speaks a test sentence;
 * {@link dev.parley.firstrun.OllamaProbe} finds a local Ollama and its models;
 * {@link dev.parley.firstrun.ModelOffers} lists what the user may choose (Ollama, the embedded model
 * with its download size, a cloud provider and the environment variable for its key) and the
 * provider entry each choice needs, which {@link dev.parley.config.ConfigWriter} writes into the
 * user's config.yaml, keeping its comments.
 */
package dev.parley.firstrun;
