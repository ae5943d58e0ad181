package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.testing.FakeHttpServer;
import dev.parley.testing.FakeLlmApis;
import dev.parley.testing.TestConfigs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley serve} as a user runs it: its own process (it waits for a signal, so it cannot run in
 * this JVM), one line naming the URL and the token file, then SIGTERM.
 */
@Tag("slow") // a child JVM with the whole app
class ServeCommandTest {

    private static final Pattern STARTED = Pattern.compile("Parley API on (http://127\\.0\\.0\\.1:(\\d+)) \\(token: (.+)\\)");

    @TempDir
    Path folder;

    @Test
    void servesTheApiWithTheTokenAndSavesTheConversationAfterEveryTurn() throws Exception {
        try (ScriptedLlmServer llm = new ScriptedLlmServer(ScriptedLlmServer.Protocol.OPENAI,
                ScriptedLlmServer.Reply.of("Hello ", "there."));
                FakeHttpServer spare = FakeLlmApis.ollama("scripted:latest")) {
            Path config = TestConfigs.write(folder, """
                    llm:
                      active: local
                      providers:
                        local: {type: openai-compatible, base-url: "%s", model: scripted, timeout-seconds: 10}
                        spare: {type: ollama, base-url: "%s", model: scripted}
                      health: {interval: 60}
                    """.formatted(llm.baseUrl(), spare.url()));
            Process serve = new ProcessBuilder(command(config)).redirectError(folder.resolve("stderr.txt").toFile())
                    .start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(),
                        StandardCharsets.UTF_8));
                String line = out.readLine();
                assertThat(line).as(stderr()).isNotNull().matches(STARTED);
                Matcher started = STARTED.matcher(line);
                assertThat(started.matches()).isTrue();
                String url = started.group(1);
                Path tokenFile = Path.of(started.group(3));
                assertThat(tokenFile).isEqualTo(folder.resolve("data").resolve("api-token"));
                String token = Files.readString(tokenFile).strip();
                // Every provider is checked in the background from the start, the unused one too.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (spare.requests().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(spare.requests()).extracting(FakeHttpServer.Request::path).containsExactly("/api/tags");
                HttpClient http = HttpClient.newHttpClient();

                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/health"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> asked = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/ask"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Hi\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"status\":\"ok\"");
                assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
                Path savedTurn = folder.resolve("data").resolve("conversations").resolve("servetest.json");
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!Files.exists(savedTurn) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(savedTurn).as("saved after the turn, before any exit").content().contains("Hello there.");

                // SIGTERM through the handle: Process.destroy() would also close the stream read below.
                serve.toHandle().destroy();
                assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("ends within 30 s").isTrue();
                assertThat(out.readLine()).as("exactly one line on stdout").isNull();
            } finally {
                serve.destroyForcibly();
            }
            // The JVM's exit code after SIGTERM is 143 however cleanly the hook ran; what counts is its work.
            List<Path> saved = new ArrayList<>();
            try (var files = Files.walk(folder.resolve("data"))) {
                files.filter(file -> file.getFileName().toString().startsWith("servetest")).forEach(saved::add);
            }
            assertThat(saved).as("the conversation, saved").hasSize(1);
            assertThat(Files.readString(saved.getFirst())).contains("Hello there.");
            assertThat(Files.readString(folder.resolve("stderr.txt"))).doesNotContain("Exception");
            // What it wrote about the user is the user's alone: the log folder and file, the data folder.
            assertThat(mode(folder.resolve("logs"))).isEqualTo("rwx------");
            assertThat(mode(folder.resolve("logs").resolve("parley.log"))).isEqualTo("rw-------");
            assertThat(mode(folder.resolve("data"))).isEqualTo("rwx------");
            assertThat(mode(saved.getFirst())).isEqualTo("rw-------");
        }
    }

    private List<String> command(Path config) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "--enable-preview", "--enable-native-access=ALL-UNNAMED",
                "--add-modules", "jdk.incubator.vector",
                "-Dparley.home=" + System.getProperty("parley.home", "."),
                "-Dparley.config.dir=" + folder.resolve("config"),
                "-Dparley.data.dir=" + folder.resolve("data"),
                "-Dparley.log.dir=" + folder.resolve("logs"),
                "-Dparley.log.console=ERROR",
                "-cp", System.getProperty("java.class.path"),
                "dev.parley.Main", "--config", config.toString(), "serve", "--port", "0",
                "--conversation", "servetest");
    }

    private static String mode(Path path) throws java.io.IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private String stderr() {
        try {
            return Files.readString(folder.resolve("stderr.txt"));
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
