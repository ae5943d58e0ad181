package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Map;

/**
 * The YAML as written, where every section but {@code llm} may be left out: missing sections take
 * the defaults that the shipped config.yaml also states.
 */
record RawConfig(
        SttConfig stt,
        TtsConfig tts,
        ChunkerConfig chunker,
        @JsonProperty(required = true) LlmConfig llm,
        ConversationConfig conversation,
        UsageConfig usage,
        AudioConfig audio,
        UiConfig ui,
        ApiConfig api,
        VoiceConfig voice,
        LoggingConfig logging) {

    static final String DEFAULT_VOICE = "cmu-slt-hsmm";
    /** The shipped config.yaml's prompt, for a file without one; its placeholders are filled at each turn. */
    static final String DEFAULT_SYSTEM_PROMPT = """
            You are Parley, a voice assistant. Your replies are spoken aloud: answer in one to three \
            short sentences of plain speech. No markdown, no lists, no code, no emoji. Spell out \
            symbols the way a person would say them.
            Today is {weekday}, {date}, and the time is {time} ({timezone}). You are talking with {user_name}.
            What they asked you to remember (use it without looking it up):
            {memories}""";

    ParleyConfig toConfig(Path source) {
        if (llm == null) {
            throw new ConfigException(source + ": llm is empty; it needs at least active and providers, as in the"
                    + " shipped config.yaml (delete this file and Parley writes a fresh one on the next start).");
        }
        SttConfig speech = stt != null ? stt : new SttConfig("");
        TtsConfig voice = tts != null ? tts : TtsConfig.defaults(DEFAULT_VOICE);
        if (voice.voice() == null || voice.voice().isBlank()) {
            voice = voice.withVoice(DEFAULT_VOICE);
        }
        ChunkerConfig chunks = chunker != null ? chunker : ChunkerConfig.DEFAULTS;
        LlmConfig model = llm.systemPrompt() == null
                ? llm.withSystemPrompt(DEFAULT_SYSTEM_PROMPT)
                : llm;
        ConversationConfig memory = conversation != null ? conversation
                : new ConversationConfig(ConversationConfig.DEFAULT_MAX_CONTEXT_TOKENS);
        UsageConfig metering = usage != null ? usage : new UsageConfig(Map.of());
        AudioConfig microphone = audio != null ? audio : AudioConfig.defaults();
        UiConfig window = ui != null ? ui : UiConfig.defaults();
        ApiConfig control = api != null ? api : ApiConfig.defaults();
        VoiceConfig summoning = this.voice != null ? this.voice : VoiceConfig.defaults();
        return new ParleyConfig(speech, voice, chunks, model, memory, metering, microphone, window, control,
                summoning, logging != null ? logging : LoggingConfig.defaults(), source);
    }
}
