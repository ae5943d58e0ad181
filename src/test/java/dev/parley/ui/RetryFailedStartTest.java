package dev.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.config.ConfigWriter;
import dev.parley.config.ParleyPaths;
import dev.parley.testing.FakeHttpServer;
import dev.parley.testing.FakeLlmApis;
import dev.parley.testing.TestConfigs;
import dev.parley.ui.main.LoadStep;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A window started with a speech model folder that is not there loads the real model once Settings
 * save the right folder: the retried steps read the saved config, not the one Parley started with.
 */
@Tag("real")
class RetryFailedStartTest {

    @TempDir
    Path folder;

    @Test
    void aSpeechModelFixedInSettingsLoadsWithoutARestart() throws Exception {
        try (FakeHttpServer llm = FakeLlmApis.openAi(null, "scripted");
                DesktopServices services = DesktopServices.start(TestConfigs.withoutSpeechModel(folder, llm.url()))) {
            List<LoadStep> start = services.loadSteps();
            assertThatThrownBy(() -> start.getFirst().work().run()).hasMessageContaining("no-model-here");

            ConfigWriter.Settings was = ConfigWriter.Settings.of(services.settings().config());
            String bundled = ParleyPaths.fromEnvironment().bundledSpeechModel().toString();
            services.settings().save(was, new ConfigWriter.Settings(was.active(), was.providers(), was.systemPrompt(),
                    was.voice(), was.rate(), was.volume(), was.outputDevice(), was.inputDevice(), was.handsFree(),
                    was.talkOver(),
                    bundled, was.pushToTalkKey(), was.theme(), was.apiEnabled(), was.globalPushToTalkKey(),
                    was.closeToTray()));

            List<LoadStep> again = services.retryLoadSteps();
            again.get(0).work().run();
            again.get(1).work().run();
            assertThat(again).extracting(LoadStep::label).containsExactly("speech model", "voice", "voice loop");
            assertThat(services.settings().config().stt().modelPath()).isEqualTo(bundled);
        }
    }
}
