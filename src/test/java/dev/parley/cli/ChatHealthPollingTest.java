package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.FakeHttpServer;
import dev.parley.testing.FakeLlmApis;
import dev.parley.testing.LiveThreads;
import dev.parley.testing.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parley chat} checks every provider in the background while it runs, and stops when it ends. */
class ChatHealthPollingTest {

    @TempDir
    Path folder;

    /** Standard input that ends once {@code done} holds (or after 10 s), as a user who waits, then leaves. */
    private static InputStream endingWhen(BooleanSupplier done) {
        return new InputStream() {
            @Override
            public int read() {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!done.getAsBoolean() && System.nanoTime() < deadline) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return -1;
                    }
                }
                return -1;
            }
        };
    }

    private Path config(String activeUrl, String spareUrl, int interval) throws Exception {
        return TestConfigs.write(folder, """
                llm:
                  active: local
                  providers:
                    local: {type: openai-compatible, base-url: "%s", model: scripted}
                    spare: {type: ollama, base-url: "%s", model: scripted}
                  health: {interval: %d}
                """.formatted(activeUrl, spareUrl, interval));
    }

    private static int chat(Path config, InputStream stdin, ByteArrayOutputStream err) {
        return Cli.run(new String[] {"chat", "--config", config.toString()}, stdin,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static boolean pollerThreadAlive() {
        return LiveThreads.anyNamed("parley-health-poller");
    }

    @Test
    void chatChecksEveryProviderInTheBackgroundAndStopsOnExit() throws Exception {
        try (var llm = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Hi."));
                FakeHttpServer spare = FakeLlmApis.ollama("scripted:latest")) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            AtomicBoolean pollerSeen = new AtomicBoolean();
            int code = chat(config(llm.baseUrl(), spare.url(), 60), endingWhen(() -> {
                boolean checked = !spare.requests().isEmpty();
                if (checked) {
                    pollerSeen.set(pollerThreadAlive());
                }
                return checked;
            }), err);

            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(pollerSeen).as("the poller's thread while the chat runs").isTrue();
            assertThat(spare.requests()).extracting(FakeHttpServer.Request::path).containsExactly("/api/tags");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (pollerThreadAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(pollerThreadAlive()).as("the poller ends with the chat").isFalse();
        }
    }

    @Test
    void withIntervalZeroNothingIsChecked() throws Exception {
        try (var llm = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Hi."));
                FakeHttpServer spare = FakeLlmApis.ollama("scripted:latest")) {
            long quietUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);

            int code = chat(config(llm.baseUrl(), spare.url(), 0), endingWhen(() -> System.nanoTime() > quietUntil),
                    new ByteArrayOutputStream());

            assertThat(code).isZero();
            assertThat(spare.requests()).isEmpty();
        }
    }
}
