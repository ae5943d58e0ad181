package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long-running Parley starts with the last config that worked when config.yaml was broken by hand. */
class LastGoodConfigTest {

    @TempDir
    Path folder;

    private ParleyPaths paths() {
        return new ParleyPaths(folder, folder, folder.resolve("data"), folder.resolve("logs"));
    }

    @Test
    void aBrokenConfigStartsWithTheLastGoodOneAndSaysWhichKeyAndLineAreWrong() throws Exception {
        Path config = TestConfigs.withSection(folder, "tts:\n  rate: 1.5\n");
        assertThat(LastGoodConfig.load(config, paths()).notice()).isEmpty();
        Path copy = folder.resolve(".config.yaml.last-good");
        assertThat(copy).hasSameTextualContentAs(config);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");

        String broken = Files.readString(config).replace("rate: 1.5", "rate: fast");
        Files.writeString(config, broken);
        LastGoodConfig.Loaded loaded = LastGoodConfig.load(config, paths());

        assertThat(loaded.config().tts().rate()).isEqualTo(1.5);
        assertThat(loaded.notice()).hasValueSatisfying(notice -> assertThat(notice)
                .startsWith(config + " line 8: tts.rate must be a number (found 'fast')")
                .contains("Parley started with the last settings that worked (saved ")
                .contains("fix config.yaml and restart Parley to use it"));
        assertThat(config).hasContent(broken); // the user's file is never written
        assertThat(copy).content().contains("rate: 1.5");
    }

    @Test
    void settingsSavedWhileStartedFromTheLastGoodConfigGoToTheUsersFileWhichSaysWhatToFixFirst() throws Exception {
        Path config = TestConfigs.withSection(folder, "tts:\n  rate: 1.5\n");
        LastGoodConfig.load(config, paths());
        Files.writeString(config, Files.readString(config).replace("rate: 1.5", "rate: fast"));
        Path copy = folder.resolve(".config.yaml.last-good");
        String kept = Files.readString(copy);

        LastGoodConfig.Loaded loaded = LastGoodConfig.load(config, paths(), true);

        assertThat(loaded.config().source()).isEqualTo(config);
        assertThat(loaded.notice()).hasValueSatisfying(notice -> assertThat(notice)
                .contains("fix config.yaml and save it: Parley takes it without a restart."));
        ConfigWriter.Settings shown = ConfigWriter.Settings.of(loaded.config());
        ConfigWriter.Settings themeChanged = new ConfigWriter.Settings(shown.active(), shown.providers(),
                shown.systemPrompt(), shown.voice(), shown.rate(), shown.volume(), shown.outputDevice(),
                shown.inputDevice(), shown.handsFree(), shown.talkOver(), shown.speechModelPath(),
                shown.pushToTalkKey(), "dark", shown.apiEnabled(), shown.globalPushToTalkKey(), shown.closeToTray());
        assertThatThrownBy(() -> new ConfigWriter().save(loaded.config().source(), shown, themeChanged))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tts.rate must be a number");
        assertThat(copy).hasContent(kept);
    }

    @Test
    void withoutALastGoodConfigTheErrorStands() throws Exception {
        Path config = TestConfigs.write(folder, "llm:\n  active: nowhere\n");

        assertThatThrownBy(() -> LastGoodConfig.load(config, paths())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("llm");
        assertThat(folder.resolve(".config.yaml.last-good")).doesNotExist();
    }

    @Test
    void aSavedConfigBecomesTheLastGoodOne() throws Exception {
        Path config = TestConfigs.withSection(folder, "");
        new ConfigWriter().update(config, edits -> edits.set(List.of("tts", "volume"), 0.5));

        assertThat(folder.resolve(".config.yaml.last-good")).content().contains("volume: 0.5");
    }
}
