package dev.parley.api;

import dev.parley.Components;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.config.ApiConfig;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyPaths;
import dev.parley.llm.ApiKeys;
import dev.parley.llm.SwitchableLanguageModel;
import dev.parley.testing.TestConfigs;
import dev.parley.audio.Speaker;
import dev.parley.voice.SpeakerOutput;
import dev.parley.voice.TurnController;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real API server on a free port over a real assistant whose provider {@code local} is a scripted
 * LLM server; {@code dead} is a provider that cannot answer, {@code other} a second scripted one. The key of {@code local} is
 * {@link #SECRET_KEY}, which no response may contain.
 */
final class ApiHarness implements AutoCloseable {

    static final String SECRET_KEY = "sk-test-secret-7f3a9c";
    /** The name the assistant's own conversation is saved under. */
    static final String OPEN = "open-chat";

    final ScriptedLlmServer llm;
    /** Provider {@code other}: answers "From other." to every request. */
    final ScriptedLlmServer otherLlm;
    final Components components;
    final SwitchableLanguageModel model;
    final TurnController assistant;
    final ApiToken token;
    final ApiServer server;
    final HttpClient http = HttpClient.newHttpClient();

    ApiHarness(Path folder, ScriptedLlmServer.Reply... script) throws IOException {
        this(folder, folder.resolve("data").resolve("api-token"), script);
    }

    /** With the token in {@code tokenFile}: where a CLI command run in this JVM looks for it. */
    ApiHarness(Path folder, Path tokenFile, ScriptedLlmServer.Reply... script) throws IOException {
        this(folder, tokenFile, false, List.of(), "", script);
    }

    /** {@code voice}: answers are spoken with the real voice on the default output device. */
    static ApiHarness speaking(Path folder, ScriptedLlmServer.Reply... script) throws IOException {
        return new ApiHarness(folder, folder.resolve("data").resolve("api-token"), true, List.of(), "", script);
    }

    /** {@code origins}: web pages allowed to call it ({@code api.allowed-origins}). */
    static ApiHarness allowing(Path folder, List<String> origins, ScriptedLlmServer.Reply... script) throws IOException {
        return new ApiHarness(folder, folder.resolve("data").resolve("api-token"), false, origins, "", script);
    }

    /** {@code providers}: more entries of {@code llm.providers}, as YAML indented by four spaces. */
    static ApiHarness withProviders(Path folder, String providers, ScriptedLlmServer.Reply... script) throws IOException {
        return new ApiHarness(folder, folder.resolve("data").resolve("api-token"), false, List.of(), providers, script);
    }

    private ApiHarness(Path folder, Path tokenFile, boolean voice, List<String> origins, String moreProviders,
            ScriptedLlmServer.Reply... script) throws IOException {
        llm = new ScriptedLlmServer(ScriptedLlmServer.Protocol.OPENAI, script);
        otherLlm = new ScriptedLlmServer(ScriptedLlmServer.Protocol.OPENAI, ScriptedLlmServer.Reply.of("From other."));
        Path config = TestConfigs.write(folder, """
                llm:
                  active: local
                  system-prompt: Answer briefly.
                  providers:
                    local:
                      type: openai-compatible
                      base-url: %s
                      model: scripted
                      api-key-env: LOCAL_KEY
                      timeout-seconds: 10
                      vision: true
                    dead:
                      type: openai-compatible
                      base-url: http://127.0.0.1:9/v1
                      model: scripted
                      timeout-seconds: 5
                    other:
                      type: openai-compatible
                      base-url: %s
                      model: scripted
                      timeout-seconds: 10
                """.formatted(llm.baseUrl(), otherLlm.baseUrl()) + moreProviders);
        // A speaking harness finds the bundled speech model and voice where the build unpacked them.
        Path home = voice ? Path.of(System.getProperty("parley.home", ".")).toAbsolutePath() : folder;
        ParleyPaths paths = new ParleyPaths(home, folder, folder.resolve("data"), folder.resolve("logs"));
        components = new Components(paths, new ConfigLoader().load(config, paths),
                new ApiKeys(name -> name.equals("LOCAL_KEY") ? SECRET_KEY : null));
        model = new SwitchableLanguageModel(components.languageModel(Components.LlmChoice.CONFIGURED));
        assistant = components.voiceAssistant(model, components.newConversation());
        if (voice) {
            assistant.useVoice(null, new SpeakerOutput(components.synthesizer(), new Speaker(null)));
        }
        token = ApiToken.loadOrCreate(tokenFile);
        server = ApiServer.start(new ApiConfig(false, ApiConfig.DEFAULT_HOST, 0, origins), token,
                new ApiServer.Backend(components, model, assistant, false, () -> OPEN));
    }

    URI uri(String path) {
        return URI.create(server.url() + ApiServer.PREFIX + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token.value())
                .timeout(java.time.Duration.ofSeconds(20));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String json) throws Exception {
        return http.send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> ask(String text) throws Exception {
        return send("POST", "/ask", "{\"text\":\"" + text + "\"}");
    }

    /** Completes once the assistant enters {@code state}: awaited, never slept for. */
    CompletableFuture<VoiceEvent> entering(VoiceState state) {
        return first(event -> event instanceof VoiceEvent.StateChanged changed && changed.to() == state);
    }

    /** Completes with the assistant's first event from now on that {@code wanted} accepts. */
    CompletableFuture<VoiceEvent> first(Predicate<VoiceEvent> wanted) {
        CompletableFuture<VoiceEvent> seen = new CompletableFuture<>();
        AutoCloseable subscription = assistant.subscribe(event -> {
            if (wanted.test(event)) {
                seen.complete(event);
            }
        });
        return seen.whenComplete((event, error) -> {
            try {
                subscription.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    /** Whether {@code condition} came to hold within {@code millis}, checked every 10 ms. */
    static boolean eventually(BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** The {@code type} fields of JSON events, in order. */
    static List<String> types(List<String> events) {
        return events.stream().map(json -> {
            try {
                return ApiJson.MAPPER.readTree(json).path("type").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Override
    public void close() {
        server.close();
        assistant.close();
        components.close();
        llm.close();
        otherLlm.close();
    }
}
