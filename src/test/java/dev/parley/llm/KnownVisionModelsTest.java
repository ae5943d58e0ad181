package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The model families {@code vision: auto} trusts to see when the endpoint cannot be asked. */
class KnownVisionModelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4o", "gpt-4o-mini", "chatgpt-4o-latest", "gpt-4.1-nano", "gpt-5", "gpt-5-mini", "o1",
            "o3", "o4-mini", "claude-3-5-sonnet-20241022", "claude-3-haiku-20240307", "claude-sonnet-4-5",
            "claude-opus-4-1", "claude-haiku-4-5", "gemini-2.5-flash", "models/gemini-1.5-pro", "gemma3:4b", "gemma3",
            "llava:13b", "bakllava", "llava-phi3", "llama3.2-vision:11b", "qwen2.5vl:7b", "qwen2.5-vl-72b-instruct",
            "Qwen/Qwen2-VL-7B-Instruct", "qwen3-vl", "minicpm-v", "moondream", "pixtral-12b", "mistral-small3.1",
            "mistral-small-3.2-24b", "llama4:scout", "granite3.2-vision", "openai/gpt-4o"})
    void theseCanSee(String model) {
        assertThat(KnownVisionModels.canSee(model)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama3.1:8b", "qwen2.5:7b", "mistral", "gpt-3.5-turbo", "o1-mini", "o3-mini",
            "claude-2.1", "claude-instant-1.2", "gemini-pro", "gemini-1.0-pro", "gemma3:1b", "gemma2", "phi3",
            "deepseek-r1:8b", "scripted", "TinyLlama-1.1B-Chat"})
    void theseCannot(String model) {
        assertThat(KnownVisionModels.canSee(model)).isFalse();
    }
}
