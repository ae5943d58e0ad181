package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.FakeHttpServer;
import dev.parley.testing.FakeHttpServer.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider routes over a real server: the list checks every provider at once. */
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
