package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.FakeHttpServer;
import dev.parley.testing.FakeHttpServer.Response;
import dev.parley.testing.HeldResponseServer;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider routes over a real server: the list checks every provider at once; a test stops when
 * its caller leaves, and gives up on a provider that does not answer.
 */
class ApiProvidersTest {

    private static final int GATHERED = 3;

    @TempDir
    Path folder;

    @Test
    void theListAsksEveryProviderAtOnce() throws Exception {
        // Each Ollama answers only once all three have been asked: checked one after another, the
        // first would wait out its timeout alone and be listed as unreachable.
        CountDownLatch listsAsked = new CountDownLatch(GATHERED);
        CountDownLatch showsAsked = new CountDownLatch(GATHERED);
        List<FakeHttpServer> ollamas = new ArrayList<>();
        StringBuilder providers = new StringBuilder();
        try {
            for (int index = 0; index < GATHERED; index++) {
                FakeHttpServer ollama = new FakeHttpServer()
                        .on("GET", "/api/tags", request -> whenAll(listsAsked,
                                "{\"models\":[{\"name\":\"scripted:latest\"}]}"))
                        .on("POST", "/api/show", request -> whenAll(showsAsked,
                                "{\"capabilities\":[\"completion\",\"vision\"]}"));
                ollamas.add(ollama);
                providers.append("""
                            gathered%d:
                              type: ollama
                              base-url: %s
                              model: scripted
                        """.formatted(index, ollama.url()));
            }
            try (ApiHarness api = ApiHarness.withProviders(folder, providers.toString(), Reply.of("Hi."))) {
                JsonNode listed = ApiJson.MAPPER.readTree(api.get("/providers").body());

                List<JsonNode> gathered = new ArrayList<>();
                listed.forEach(row -> {
                    if (row.path("name").asText().startsWith("gathered")) {
                        gathered.add(row);
                    }
                });
                assertThat(gathered).hasSize(GATHERED).allSatisfy(row -> {
                    assertThat(row.path("health").path("reachable").asBoolean()).as("reachable").isTrue();
                    assertThat(row.path("health").path("model").asText()).isEqualTo("available");
                    assertThat(row.path("canSee").asBoolean()).as("its Ollama was asked whether it sees").isTrue();
                });
                assertThat(listed.get(0).path("active").asBoolean()).isTrue();
            }
        } finally {
            ollamas.forEach(FakeHttpServer::close);
        }
    }

    @Test
    void aTestWhoseCallerLeavesClosesTheProvidersStream() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("ready").delayedBy(20).endless())) {
            Socket caller = new Socket("127.0.0.1", api.server.port());
            caller.getOutputStream().write(("POST " + ApiServer.PREFIX + "/providers/local/test HTTP/1.1\r\nHost: 127.0.0.1:"
                    + api.server.port() + "\r\nAuthorization: Bearer " + api.token.value()
                    + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            awaitTrue(() -> !api.llm.awaitEndlessStreamsStopped(Duration.ZERO), "the provider streams its answer");

            caller.close();

            assertThat(api.llm.awaitEndlessStreamsStopped(Duration.ofSeconds(10))).as("the provider's stream closed")
                    .isTrue();
            assertThat(api.llm.requests()).as("no retry after the caller left").hasSize(1);
        }
    }

    @Test
    void aTestWhoseCallerLeavesBeforeTheProviderAnswersClosesTheRequest() throws Exception {
        try (HeldResponseServer held = new HeldResponseServer();
                ApiHarness api = ApiHarness.withProviders(folder, """
                            held:
                              type: openai-compatible
                              base-url: %s
                              model: scripted
                              timeout-seconds: 60
                        """.formatted(held.baseUrl("/v1")), Reply.of("Hi."));
                Socket caller = new Socket("127.0.0.1", api.server.port())) {
            caller.getOutputStream().write(("POST " + ApiServer.PREFIX + "/providers/held/test HTTP/1.1\r\nHost: 127.0.0.1:"
                    + api.server.port() + "\r\nAuthorization: Bearer " + api.token.value()
                    + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(held.awaitAccepted(1, Duration.ofSeconds(20))).as("the request reached the provider").isTrue();

            caller.close();

            assertThat(held.awaitAllClosed(Duration.ofSeconds(10)))
                    .as("the provider's connection closed, not held for its 60 s timeout").isTrue();
        }
    }

    @Test
    @Tag("slow") // waits out the test's limit
    void aTestOfAProviderThatNeverAnswersGivesUpAtItsLimitAndSaysWhatToDo() throws Exception {
        try (ScriptedLlmServer silent = new ScriptedLlmServer(ScriptedLlmServer.Protocol.OPENAI, Reply.hang(120_000));
                ApiHarness api = ApiHarness.withProviders(folder, """
                            silent:
                              type: openai-compatible
                              base-url: %s
                              model: scripted
                              timeout-seconds: 60
                        """.formatted(silent.baseUrl()), Reply.of("Hi."))) {
            HttpResponse<String> answer = api.http.send(api.request("/providers/silent/test").timeout(Duration.ofMinutes(3))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            JsonNode result = ApiJson.MAPPER.readTree(answer.body());
            assertThat(result.path("ok").asBoolean()).isFalse();
            assertThat(result.path("error").asText()).isEqualTo("Provider 'silent' gave no answer within 20 s, so the"
                    + " test stopped waiting. A local server may still be loading the model: test again in a moment."
                    + " Otherwise check that it runs and that llm.providers.silent.base-url is its address.");
        }
    }

    /** Waits until {@code condition} holds, checked every 10 ms for up to 20 s. */
    private static void awaitTrue(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.holds()) {
            assertThat(System.nanoTime() - deadline).as(what).isNegative();
            Thread.sleep(10);
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static Response whenAll(CountDownLatch asked, String json) {
        asked.countDown();
        try {
            asked.await(10, TimeUnit.SECONDS); // far beyond the probes' timeouts: they give up first
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Response.json(200, json);
    }
}
