package dev.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.config.ConfigWriter;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.conversation.Message;
import dev.parley.testing.FakeHttpServer;
import dev.parley.testing.FakeLlmApis;
import dev.parley.testing.TestConfigs;
import dev.parley.ui.main.ApiState;
import dev.parley.ui.settings.SettingsBackend;
import dev.parley.ui.main.ProviderService;
import dev.parley.voice.VoiceAssistant;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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

            services.settings().save(was, new ConfigWriter.Settings("added", providers, was.systemPrompt(), was.voice(),
                    was.rate(), was.volume(), was.outputDevice(), was.inputDevice(), was.handsFree(),
                    was.talkOver(),
                    was.speechModelPath(), was.pushToTalkKey(), was.theme(), was.apiEnabled(),
                    was.globalPushToTalkKey(), was.closeToTray()));
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

    @Test
    void aProviderAddedToConfigYamlInAnEditorAnswersWithoutARestart() throws Exception {
        Path config;
        try (FakeHttpServer first = FakeLlmApis.openAi(null, "scripted");
                FakeHttpServer added = FakeLlmApis.ollama("qwen2.5");
                DesktopServices services = DesktopServices.start(
                        config = TestConfigs.withProvider(folder, "openai-compatible", first.url() + "/v1"))) {
            java.util.concurrent.BlockingQueue<String> told = heardOfConfigFile(services);
            Files.writeString(config, Files.readString(config).replace("active: local", "active: added")
                    + "    added:\n      type: ollama\n      base-url: " + added.url() + "\n      model: qwen2.5\n");
            services.lookAtConfigFile(); // what the window does when it gains the focus

            assertThat(told.poll(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("new settings");
            ProviderService switcher = services.providers();
            assertThat(switcher.providers()).containsKeys("local", "added");
            switcher.switchTo("added"); // what the window does with the published llm.active
            services.assistant().ask("Are you there?");
            await(() -> services.assistant().conversation().messages().stream()
                    .anyMatch(m -> m.role() == Message.Role.ASSISTANT));
            assertThat(added.requests()).anyMatch(request -> request.path().equals("/api/chat"));
            assertThat(services.settings().config().llm().active())
                    .as("Settings opened now show the file as edited").isEqualTo("added");
        }
    }

    /** What the window would be told of config.yaml's changes: "new settings", "loads" or the problem. */
    private static java.util.concurrent.BlockingQueue<String> heardOfConfigFile(DesktopServices services) {
        java.util.concurrent.BlockingQueue<String> told = new java.util.concurrent.LinkedBlockingQueue<>();
        services.onConfigFileChange(new dev.parley.config.ConfigFileWatch.Listener() {
            @Override
            public void loaded(boolean newSettings) {
                told.add(newSettings ? "new settings" : "loads");
            }

            @Override
            public void broken(String problem) {
                told.add(problem);
            }
        });
        return told;
    }

    @Test
    void aTurnsStartAppliesConfigYamlEditedMeanwhile() throws Exception {
        Path config;
        try (FakeHttpServer llm = FakeLlmApis.openAi(null, "scripted");
                DesktopServices services = DesktopServices.start(
                        config = TestConfigs.withProvider(folder, "openai-compatible", llm.url() + "/v1"))) {
            java.util.concurrent.BlockingQueue<String> told = heardOfConfigFile(services);
            Files.writeString(config, Files.readString(config).replace("Answer briefly.", "Answer in French."));

            services.assistant().ask("Are you there?");

            assertThat(told.poll(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("new settings");
            assertThat(services.config().llm().systemPrompt()).isEqualTo("Answer in French.");
        }
    }

    @Test
    void servesTheApiWhenEnabledMovesWithItsPortAndStopsWhenASaveTurnsItOff() throws Exception {
        try (FakeHttpServer llm = FakeLlmApis.openAi(null, "scripted");
                DesktopServices services = DesktopServices.start(withApi(llm, true, 0))) {
            services.afterWindowShown(); // what the window does once shown: the API starts
            List<ApiState> states = new java.util.concurrent.CopyOnWriteArrayList<>();
            services.watchApi(states::add);
            await(() -> !states.getLast().url().isEmpty());
            ApiState serving = states.getLast();
            String token = Files.readString(Path.of(serving.tokenFile())).strip();
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(serving.url() + "/api/v1/health"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(
                    URI.create(serving.url() + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"");
            assertThat(anonymous.statusCode()).isEqualTo(401);

            int newPort;
            try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                newPort = free.getLocalPort();
            }
            services.configChanges().publish(new ConfigWriter().update(services.config().source(),
                    edits -> edits.set(List.of("api", "port"), newPort)));
            await(() -> states.getLast().url().endsWith(":" + newPort));
            String moved = states.getLast().url();
            assertThat(http.send(HttpRequest.newBuilder(URI.create(moved + "/api/v1/health"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).as("restarted on the new port").isEqualTo(200);

            ConfigWriter.Settings was = ConfigWriter.Settings.of(services.settings().config());
            services.settings().save(was, new ConfigWriter.Settings(was.active(), was.providers(), was.systemPrompt(),
                    was.voice(), was.rate(), was.volume(), was.outputDevice(), was.inputDevice(), was.handsFree(),
                    was.talkOver(),
                    was.speechModelPath(), was.pushToTalkKey(), was.theme(), false,
                    was.globalPushToTalkKey(), was.closeToTray()));
            await(() -> states.getLast().equals(ApiState.OFF));

            for (String url : List.of(serving.url(), moved)) {
                assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/health"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()))
                        .isInstanceOf(java.io.IOException.class);
            }
        }
    }

    @Test
    void aPortInUseIsReportedNotThrown() throws Exception {
        try (FakeHttpServer llm = FakeLlmApis.openAi(null, "scripted");
                ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                DesktopServices services = DesktopServices.start(withApi(llm, true, taken.getLocalPort()))) {
            services.afterWindowShown(); // what the window does once shown: the API starts
            List<ApiState> states = new java.util.concurrent.CopyOnWriteArrayList<>();
            services.watchApi(states::add);

            await(() -> !states.getLast().error().isEmpty());

            assertThat(states.getLast().error()).startsWith("The control API cannot listen on 127.0.0.1:"
                    + taken.getLocalPort()).contains("api.port");
            assertThat(states.getLast().url()).isEmpty();
            assertThat(services.assistant()).as("the window goes on").isNotNull();
        }
    }

    private Path withApi(FakeHttpServer llm, boolean enabled, int port) throws java.io.IOException {
        return TestConfigs.write(folder, """
                llm:
                  active: local
                  system-prompt: Answer briefly.
                  providers:
                    local:
                      type: openai-compatible
                      base-url: %s/v1
                      model: scripted
                      timeout-seconds: 10
                api:
                  enabled: %s
                  port: %d
                """.formatted(llm.url(), enabled, port));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("within 15 s").isTrue();
    }
}
