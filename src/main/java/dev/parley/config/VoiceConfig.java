package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code tts} and {@code audio} output choices: which MaryTTS voice, which device plays it. */
public record VoiceConfig(String voice, @JsonProperty("output-device") String outputDevice) {}
