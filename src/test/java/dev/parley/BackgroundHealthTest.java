package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.ConfigLoader;
import dev.parley.config.LlmConfig;
import dev.parley.config.ParleyPaths;
import dev.parley.testing.FakeHttpServer;
import dev.parley.testing.FakeLlmApis;
import dev.parley.testing.TestConfigs;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Background checks follow a saved config: a provider's new address is checked at once, the old one no more. */
class BackgroundHealthTest {

    @TempDir
    Path folder;

    private LlmConfig llmAt(String baseUrl) throws Exception {
        Path file = TestConfigs.write(folder, """
                llm:
                  active: local
                  providers:
                    local: {type: ollama, base-url: "%s", model: scripted}
                  health: {interval: 3600}
                """.formatted(baseUrl));
        return new ConfigLoader().load(file, ParleyPaths.fromEnvironment()).llm();
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(done.getAsBoolean()).as("within 10 s").isTrue();
    }

    @Test
    void aProviderMovedInSettingsIsCheckedAtItsNewAddressAtOnce() throws Exception {
        try (FakeHttpServer before = FakeLlmApis.ollama("scripted:latest");
                FakeHttpServer after = FakeLlmApis.ollama("scripted:latest")) {
            LlmConfig first = llmAt(before.url());
            try (Components components = Components.load(folder.resolve("config.yaml"));
                    BackgroundHealth health = BackgroundHealth.start(components, first, () -> false)) {
                await(() -> !before.requests().isEmpty());

                health.follow(first); // saved again unchanged: nothing starts over
                health.follow(llmAt(after.url()));

                await(() -> !after.requests().isEmpty());
                Thread.sleep(200);
                assertThat(before.requests()).as("the old address is not checked again").hasSize(1);
                assertThat(after.requests()).extracting(FakeHttpServer.Request::path).containsExactly("/api/tags");
            }
        }
    }
}
