package dev.parley.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the status bar says of the active provider (the window itself: MainWindowTest). */
class StatusBarTextTest {

    @Test
    void aProviderNamedAfterItsTypeIsNamedOnce() {
        assertThat(StatusBar.providerLine("ollama", "ollama", "llama3.2")).isEqualTo("ollama · llama3.2");
        assertThat(StatusBar.providerLine("spare", "openai-compatible", "qwen"))
                .isEqualTo("spare · openai-compatible · qwen");
    }
}
