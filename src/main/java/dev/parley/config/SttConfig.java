package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code stt} section. An empty model path means the bundled small English model. */
public record SttConfig(@JsonProperty("model-path") String modelPath) {}
