package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParleyPathsTest {

    private static final String[] OVERRIDES = {"parley.config.dir", "parley.data.dir", "parley.log.dir", "parley.home"};
    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void clearOverrides() {
        for (String key : OVERRIDES) {
            String value = System.getProperty(key);
            if (value != null) {
                saved.put(key, value);
                System.clearProperty(key);
            }
        }
    }

    @AfterEach
    void restoreOverrides() {
        saved.forEach(System::setProperty);
    }

    @Test
    void linuxUsesXdgFoldersWithTheirDefaults() {
        ParleyPaths paths = ParleyPaths.resolve("Linux", Map.of(), "/home/ann");

        assertThat(paths.configDir()).isEqualTo(Path.of("/home/ann/.config/parley"));
        assertThat(paths.dataDir()).isEqualTo(Path.of("/home/ann/.local/share/parley"));
        assertThat(paths.logDir()).isEqualTo(Path.of("/home/ann/.local/share/parley/logs"));
        assertThat(paths.conversationsDir()).isEqualTo(Path.of("/home/ann/.local/share/parley/conversations"));
    }

    @Test
    void homeIsTheHomeVariableOnUnixAsForEveryOtherProgramThere() {
        assertThat(ParleyPaths.userHome("Linux", "/tmp/trial", "/root")).isEqualTo("/tmp/trial");
        assertThat(ParleyPaths.userHome("Mac OS X", "/Users/ann", "/var/root")).isEqualTo("/Users/ann");
        assertThat(ParleyPaths.userHome("Linux", null, "/home/ann")).as("unset").isEqualTo("/home/ann");
        assertThat(ParleyPaths.userHome("Linux", "relative", "/home/ann")).as("not a folder's path").isEqualTo("/home/ann");
        assertThat(ParleyPaths.userHome("Windows 11", "/c/Users/ann", "C:\\Users\\ann")).as("Git Bash's HOME")
                .isEqualTo("C:\\Users\\ann");
    }

    @Test
    void linuxHonoursXdgVariables() {
        ParleyPaths paths = ParleyPaths.resolve("Linux",
                Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/data"), "/home/ann");

        assertThat(paths.userConfigFile()).isEqualTo(Path.of("/cfg/parley/config.yaml"));
        assertThat(paths.logDir()).isEqualTo(Path.of("/data/parley/logs"));
    }

    @Test
    void relativeXdgFoldersAreIgnoredAsTheSpecificationSays() {
        // "~" is never expanded in an environment variable (a systemd Environment= line, a Docker env file).
        ParleyPaths paths = ParleyPaths.resolve("Linux",
                Map.of("XDG_CONFIG_HOME", "rel/cfg", "XDG_DATA_HOME", "~/data"), "/home/ann");

        assertThat(paths.userConfigFile()).isEqualTo(Path.of("/home/ann/.config/parley/config.yaml"));
        assertThat(paths.dataDir()).isEqualTo(Path.of("/home/ann/.local/share/parley"));
    }

    @Test
    void windowsUsesRoamingAppDataForConfigAndLocalAppDataForDataAndLogs() {
        ParleyPaths paths = ParleyPaths.resolve("Windows 11",
                Map.of("APPDATA", "/Users/ann/AppData/Roaming", "LOCALAPPDATA", "/Users/ann/AppData/Local"),
                "/Users/ann");

        assertThat(paths.configDir()).isEqualTo(Path.of("/Users/ann/AppData/Roaming/Parley"));
        assertThat(paths.dataDir()).isEqualTo(Path.of("/Users/ann/AppData/Local/Parley"));
        assertThat(paths.logDir()).isEqualTo(Path.of("/Users/ann/AppData/Local/Parley/logs"));
    }

    @Test
    void windowsWithoutTheVariablesFallsBackToTheProfileFolder() {
        ParleyPaths paths = ParleyPaths.resolve("Windows 10", Map.of(), "/Users/ann");

        assertThat(paths.configDir()).isEqualTo(Path.of("/Users/ann/AppData/Roaming/Parley"));
        assertThat(paths.dataDir()).isEqualTo(Path.of("/Users/ann/AppData/Local/Parley"));
    }

    @Test
    void macOsUsesApplicationSupportAndLibraryLogs() {
        ParleyPaths paths = ParleyPaths.resolve("Mac OS X", Map.of("XDG_CONFIG_HOME", "/ignored"), "/Users/ann");

        assertThat(paths.configDir()).isEqualTo(Path.of("/Users/ann/Library/Application Support/Parley"));
        assertThat(paths.dataDir()).isEqualTo(Path.of("/Users/ann/Library/Application Support/Parley"));
        assertThat(paths.logDir()).isEqualTo(Path.of("/Users/ann/Library/Logs/Parley"));
    }

    @Test
    void systemPropertiesOverrideEveryOs() {
        System.setProperty("parley.config.dir", "/tmp/c");
        System.setProperty("parley.data.dir", "/tmp/d");
        try {
            for (String os : new String[] {"Linux", "Windows 11", "Mac OS X"}) {
                ParleyPaths paths = ParleyPaths.resolve(os, Map.of(), "/home/ann");
                assertThat(paths.configDir()).isEqualTo(Path.of("/tmp/c"));
                assertThat(paths.dataDir()).isEqualTo(Path.of("/tmp/d"));
                assertThat(paths.logDir()).isEqualTo(Path.of("/tmp/d/logs"));
            }
        } finally {
            System.clearProperty("parley.config.dir");
            System.clearProperty("parley.data.dir");
        }
    }

    @Test
    void bundledSpeechModelLivesUnderTheHomeProperty() {
        System.setProperty("parley.home", "/opt/parley/lib/app");
        try {
            assertThat(ParleyPaths.resolve("Linux", Map.of(), "/home/ann").bundledSpeechModel())
                    .isEqualTo(Path.of("/opt/parley/lib/app/models/vosk-model-small-en-us-0.15"));
        } finally {
            System.clearProperty("parley.home");
        }
    }
}
