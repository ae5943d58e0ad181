package dev.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.llm.HealthCheck;
import dev.parley.testing.FakeHttpServer;
import dev.parley.testing.FakeLlmApis;
import dev.parley.testing.TestConfigs;
import dev.parley.ui.main.LoadStep;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's provider checks (the toolbar's dots) wait until Ready, or until a speech part failed
 * to load: before that, their HTTP client and requests would take CPU from the loads Ready waits for.
 */
@Tag("real")
class ProviderChecksAfterReadyTest {

    @TempDir
    Path folder;

    @Test
    void aProviderCheckAnswersOnceTheVoiceLoopTookOver() throws Exception {
        try (FakeHttpServer llm = FakeLlmApis.openAi(null, "scripted");
                DesktopServices services = DesktopServices.start(TestConfigs.withProvider(folder,
                        "openai-compatible", llm.url() + "/v1"))) {
            List<LoadStep> steps = services.loadSteps();
            CompletableFuture<HealthCheck> check = CompletableFuture.supplyAsync(() -> services.providers().check("local"));
            steps.get(0).work().run(); // the speech model
            steps.get(1).work().run(); // the voice

            assertThat(check).as("not before the voice loop took over").isNotDone();
            assertThat(llm.requests()).as("no request yet").isEmpty();

            steps.get(2).work().run();

            assertThat(check.get(30, TimeUnit.SECONDS).healthy()).isTrue();
            assertThat(llm.requests()).anyMatch(request -> request.path().endsWith("/models"));
        }
    }

    @Test
    void aSpeechModelThatFailsToLoadReleasesTheChecks() throws Exception {
        try (FakeHttpServer llm = FakeLlmApis.openAi(null, "scripted");
                DesktopServices services = DesktopServices.start(TestConfigs.withoutSpeechModel(folder, llm.url()))) {
            services.afterWindowShown(); // as the window does: the speech model's load starts here
            HealthCheck check = CompletableFuture.supplyAsync(() -> services.providers().check("local"))
                    .get(30, TimeUnit.SECONDS);

            assertThat(check.healthy()).isTrue();
        }
    }
}
