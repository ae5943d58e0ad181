package dev.parley.config;

import java.nio.file.Path;

/**
 * The whole of config.yaml as immutable data, plus the file it came from (relative paths in the
 * file resolve against its folder).
 */
public record ParleyConfig(
        SttConfig stt, TtsConfig tts, ChunkerConfig chunker, LlmConfig llm, ConversationConfig conversation,
        UsageConfig usage, AudioConfig audio, UiConfig ui, ApiConfig api, VoiceConfig voice, LoggingConfig logging,
        Path source) {

    /** This config as read from {@code file}: where it is saved to, and relative paths resolve against. */
    public ParleyConfig withSource(Path file) {
        return new ParleyConfig(stt, tts, chunker, llm, conversation, usage, audio, ui, api, voice, logging, file);
    }

    /** The Vosk model folder this config selects. */
    public Path speechModel(ParleyPaths paths) {
        String configured = stt.modelPath();
        if (configured == null || configured.isBlank()) {
            return paths.bundledSpeechModel();
        }
        Path path = Path.of(ParleyPaths.expandHome(configured));
        Path base = source != null && source.getParent() != null ? source.getParent() : Path.of(".");
        return path.isAbsolute() ? path : base.resolve(path).normalize();
    }
}
