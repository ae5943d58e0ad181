package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code llm.tools}: defaults, reading and checked values. */
class ToolsConfigTest {

    @TempDir
    Path folder;

    private final ConfigLoader loader = new ConfigLoader();

    private ToolsConfig load(String llmExtra) throws IOException {
        return loader.load(TestConfigs.write(folder, """
                llm:
                  active: local
                  providers:
                    local: {type: ollama, model: scripted}
                %s""".formatted(llmExtra.indent(2)))).llm().tools();
    }

    @Test
    void absentKeysTakeTheDefaultsTheShippedConfigStates() throws IOException {
        ToolsConfig shipped = loader.load(Path.of("config.yaml")).llm().tools();

        assertThat(load("")).isEqualTo(new ToolsConfig(true, 5, 10, List.of())).isEqualTo(shipped);
    }

    @Test
    void writtenKeysAreRead() throws IOException {
        assertThat(load("tools: {enabled: false, max-rounds: 2, timeout-seconds: 3, confirm: [set_timer, remember]}"))
                .isEqualTo(new ToolsConfig(false, 2, 3, List.of("set_timer", "remember")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "tools: {max-rounds: 0}         | llm.tools.max-rounds is 0; it must be between 1 and 20",
            "tools: {max-rounds: 21}        | llm.tools.max-rounds is 21",
            "tools: {timeout-seconds: 0}    | llm.tools.timeout-seconds is 0",
            "tools: {confirm: [set-timer]}  | llm.tools.confirm names 'set-timer', which is no tool; use calculate",
    })
    void badValuesAreRejectedNamingTheKey(String yaml, String message) {
        assertThatThrownBy(() -> load(yaml.strip()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.yaml")
                .hasMessageContaining(message.strip());
    }

    @Test
    void mcpServersAreReadByName() throws IOException {
        LlmConfig llm = loader.load(TestConfigs.write(folder, """
                llm:
                  active: local
                  providers:
                    local: {type: ollama, model: scripted}
                  mcp:
                    files: {command: [npx, -y, "@modelcontextprotocol/server-filesystem", /tmp]}
                    remote: {url: "http://127.0.0.1:8931/mcp"}
                """)).llm();

        assertThat(llm.mcp()).containsOnlyKeys("files", "remote");
        assertThat(llm.mcp().get("files").command()).containsExactly("npx", "-y",
                "@modelcontextprotocol/server-filesystem", "/tmp");
        assertThat(llm.mcp().get("remote").url()).isEqualTo("http://127.0.0.1:8931/mcp");
        assertThat(loader.load(Path.of("config.yaml")).llm().mcp()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "mcp: {x: {}}                                   | llm.mcp.x needs exactly one of command",
            "mcp: {x: {command: [a], url: 'http://h/mcp'}}  | llm.mcp.x needs exactly one of command",
            "mcp: {x: {url: 'ftp://h/mcp'}}                 | llm.mcp.x.url must start with http:// or https://",
            "mcp: {x: {url: 'http://h:99999/mcp'}}          | llm.mcp.x.url 'http://h:99999/mcp' has port 99999, but a port is 1 to 65535",
    })
    void badMcpServersAreRejectedNamingTheKey(String yaml, String message) {
        assertThatThrownBy(() -> load(yaml.strip()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message.strip());
    }

    @Test
    void withMcpServersConfirmMayNameTheirTools() throws IOException {
        assertThat(load("""
                tools: {confirm: [set_timer, write_file]}
                mcp: {files: {command: [files-server]}}
                """).confirm()).containsExactly("set_timer", "write_file");
    }
}
