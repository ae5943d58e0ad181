package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.CliRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code serve --port} out of range is a usage error said at once, before anything loads or listens. */
class ServePortOptionTest {

    @ParameterizedTest
    @ValueSource(strings = {"-1", "65536", "99999"})
    void aPortNoServerCanHaveIsAUsageError(String port) {
        CliRun run = CliRun.of("serve", "--port", port, "--config", "/nonexistent/config.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--port is " + port + " but a port is 0 (any free one) to 65535")
                .doesNotContain("/nonexistent");
    }
}
