package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.FakeMcpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Parley ended by a signal (Ctrl+C in chat, SIGTERM) ends the processes its MCP servers started. */
@Tag("slow") // a child JVM
class McpServersAtExitTest {

    @TempDir
    Path folder;

    @Test
    void aSignalEndsTheServersProcessesWithParley() throws Exception {
        Path pids = folder.resolve("pids");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), HoldMcpServers.class.getName(), "sh", "-c",
                "sleep 600 & echo $! > '" + pids + "'; exec \"$0\" \"$@\""));
        command.addAll(FakeMcpServer.command());
        Process parley = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String said = new BufferedReader(new InputStreamReader(parley.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(said).startsWith("connected").isNotEqualTo("connected 0");
            long background = Long.parseLong(Files.readString(pids).strip());
            assertThat(ProcessHandle.of(background)).isPresent();

            parley.toHandle().destroy(); // SIGTERM, as Ctrl+C's SIGINT: the JVM runs its shutdown hooks
            assertThat(parley.waitFor(30, TimeUnit.SECONDS)).isTrue();

            ProcessHandle.of(background).ifPresent(process -> assertThat(process.onExit())
                    .as("the server's background process %d still runs", background)
                    .succeedsWithin(Duration.ofSeconds(10)));
        } finally {
            parley.destroyForcibly();
        }
    }
}
