package dev.parley.config;

import dev.parley.testing.TestConfigs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The api section: safe defaults when left out, clear refusals for values that cannot work. */
class ApiConfigTest {

    @TempDir
    Path folder;

    private ParleyConfig load(String yaml) throws Exception {
        return new ConfigLoader().load(TestConfigs.withSection(folder, yaml));
    }

    @Test
    void aMissingSectionIsOffOnLoopbackWithNoOrigins() throws Exception {
        assertThat(load("").api()).isEqualTo(new ApiConfig(false, "127.0.0.1", 8765, java.util.List.of()));
    }

    @Test
    void theSectionIsRead() throws Exception {
        ApiConfig api = load("""
                api:
                  enabled: true
                  port: 0
                  allowed-origins: [http://localhost:3000]
                """).api();

        assertThat(api).isEqualTo(new ApiConfig(true, "127.0.0.1", 0, java.util.List.of("http://localhost:3000")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "port: 70000                               | api.port is 70000",
            "port: -1                                  | api.port is -1 but must be between 0 and 65535",
            "port: 99999999999999                      | line 8: api.port must be a whole number up to 2147483647 (found 99999999999999)",
            "port: http                                | line 8: api.port must be a whole number (found 'http')",
            "allowed-origins: [http://localhost:70000] | api.allowed-origins has 'http://localhost:70000', which has port 70000, but a port is 1 to 65535",
            "allowed-origins: [localhost:3000]         | api.allowed-origins has 'localhost:3000'",
            "allowed-origins: [http://a.example/path]  | api.allowed-origins has 'http://a.example/path'"})
    void impossibleValuesAreRefusedNamingTheKey(String line, String message) {
        assertThatThrownBy(() -> load("api:\n  " + line + "\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }
}
