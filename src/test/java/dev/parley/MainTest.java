package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Main.WindowLaunch;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

    @Test
    void opensTheWindowWithTheUsersConfigWithoutArguments() {
        assertThat(Main.windowLaunch()).contains(new WindowLaunch(null));
    }

    @Test
    void opensTheWindowWithTheGivenConfig() {
        assertThat(Main.windowLaunch("--config", "my.yaml")).contains(new WindowLaunch(Path.of("my.yaml")));
        assertThat(Main.windowLaunch("--config=my.yaml")).contains(new WindowLaunch(Path.of("my.yaml")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "--version", "chat --config my.yaml", "--config my.yaml chat",
            "--config", "--config=", "doctor"})
    void runsTheCommandLineForAnythingElse(String line) {
        assertThat(Main.windowLaunch(line.split(" "))).isEmpty();
    }
}
