package dev.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.ConfigWriter;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.conversation.Message;
import dev.parley.testing.FakeHttpServer;
import dev.parley.testing.FakeLlmApis;
import dev.parley.testing.TestConfigs;
import dev.parley.ui.settings.SettingsBackend;
import dev.parley.ui.main.ProviderService;
import dev.parley.voice.VoiceAssistant;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's services over real LangChain4j clients and local servers that speak each API. */
class DesktopServicesTest {

    @TempDir
    Path folder;

    @Test
    void aProviderAddedInSettingsAnswersTheNextQuestionWithoutARestart() throws Exception {
        try (FakeHttpServer first = FakeLlmApis.openAi(null, "scripted");
                FakeHttpServer added = FakeLlmApis.ollama("qwen2.5");
                DesktopServices services = DesktopServices.start(
                        TestConfigs.withProvider(folder, "openai-compatible", first.url() + "/v1"))) {
            SettingsBackend heldByTheWindow = services.settings();
            List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
            services.configChanges().subscribe(saved -> heard.add(saved.llm().active()));
            ConfigWriter.Settings was = ConfigWriter.Settings.of(services.settings().config());
            Map<String, ProviderConfig> providers = new LinkedHashMap<>(was.providers());
            providers.put("added", new ProviderConfig(ProviderType.OLLAMA, added.url(), "qwen2.5",
                    null, null, null, null));

            services.settings().save(new ConfigWriter.Settings("added", providers, was.systemPrompt(), was.voice(),
                    was.rate(), was.volume(), was.outputDevice(), was.inputDevice(), was.handsFree(),
                    was.speechModelPath(), was.pushToTalkKey(), was.theme()));
            ProviderService switcher = services.providers();
            switcher.switchTo("added"); // what the window does with the saved llm.active
            VoiceAssistant assistant = services.assistant();
            assistant.ask("Are you there?");

            await(() -> assistant.conversation().messages().stream().anyMatch(m -> m.role() == Message.Role.ASSISTANT));
            assertThat(switcher.providers()).containsKeys("local", "added");
            assertThat(switcher.active()).isEqualTo("added");
            assertThat(added.requests()).anyMatch(request -> request.path().equals("/api/chat"));
            assertThat(first.requests()).noneMatch(request -> request.path().endsWith("/chat/completions"));
            List<Message> messages = assistant.conversation().messages();
            assertThat(messages.getLast().text()).isEqualTo("ready");
            assertThat(heard).as("a Settings save is published to subscribers").containsExactly("added");
            assertThat(heldByTheWindow.config().llm().active())
                    .as("Settings opened again show a save made elsewhere (the welcome)").isEqualTo("added");
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("within 15 s").isTrue();
    }
}
