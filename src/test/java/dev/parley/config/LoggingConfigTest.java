package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.testing.TestConfigs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logging section: info when left out, any case accepted, unknown levels refused by name. */
class LoggingConfigTest {

    @TempDir
    Path folder;

    private ParleyConfig load(String yaml) throws Exception {
        return new ConfigLoader().load(TestConfigs.withSection(folder, yaml));
    }

    @Test
    void aMissingSectionIsInfo() throws Exception {
        assertThat(load("").logging().level()).isEqualTo("info");
    }

    @Test
    void theLevelIsReadInAnyCase() throws Exception {
        assertThat(load("logging:\n  level: DEBUG\n").logging().level()).isEqualTo("debug");
    }

    @Test
    void anUnknownLevelIsRefusedNamingTheKeyAndTheChoices() {
        assertThatThrownBy(() -> load("logging:\n  level: verbose\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("logging.level is 'verbose' but must be one of debug, info, warn, error");
    }
}
