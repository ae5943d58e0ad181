package dev.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.config.ConfigLoader;
import dev.parley.testing.TestConfigs;
import dev.parley.tools.Memory;
import dev.parley.usage.UsageLedger;
import dev.parley.usage.UsageRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parleys sharing one data folder and config (a window and a {@code chat}): each one's memory
 * facts, usage lines and config changes survive the other's writes, and a writer held up by another
 * is told so in words.
 */
@Tag("slow") // child JVMs
class SharedDataFolderProcessTest {

    private static final int ROUNDS = 25;

    @TempDir
    Path folder;

    @Test
    void twoProcessesWritingAtOnceKeepEachOthersFactsUsageAndSettings() throws Exception {
        Path data = folder.resolve("data");
        Path config = TestConfigs.withSection(folder, "");
        List<Process> writers = new ArrayList<>();
        for (String name : List.of("alpha", "beta")) {
            writers.add(child(SharedFilesWriter.class, data.toString(), config.toString(), name,
                    String.valueOf(ROUNDS)));
        }
        for (Process writer : writers) {
            assertThat(writer.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("done");
            assertThat(writer.exitValue()).isZero();
        }

        List<String> expected = new ArrayList<>();
        for (String name : List.of("alpha", "beta")) {
            IntStream.range(0, ROUNDS).forEach(i -> expected.add(name + " fact " + i));
        }
        Memory memory = new Memory(data.resolve("memory.json"), Clock.systemUTC());
        assertThat(memory.ranked("")).containsExactlyInAnyOrderElementsOf(expected);

        List<UsageRecord> usage = new UsageLedger(data.resolve("usage.jsonl")).read();
        assertThat(usage).hasSize(2 * ROUNDS);
        assertThat(Files.readAllLines(data.resolve("usage.jsonl"))).hasSize(2 * ROUNDS); // no torn or glued lines

        var providers = new ConfigLoader().load(config).llm().providers().keySet();
        for (String name : List.of("alpha", "beta")) {
            IntStream.range(0, ROUNDS).forEach(i -> assertThat(providers).contains(name + "-" + i));
        }
    }

    @Test
    void aWriterHeldUpByAnotherParleyIsToldSoAndGetsInOnceItDies() throws Exception {
        Path file = folder.resolve("memory.json");
        Process holder = child(HoldWriterLock.class, file.toString());
        try {
            String said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(said).isEqualTo("held");

            assertThatThrownBy(() -> WriterLock.holding(file, Duration.ofMillis(300), () -> "written"))
                    .isInstanceOf(WriterLock.BusyException.class)
                    .hasMessageContaining("another Parley has been writing " + file.toAbsolutePath());

            holder.destroyForcibly(); // kill -9: the OS lets go for it
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(WriterLock.holding(file, Duration.ofSeconds(5), () -> "written")).isEqualTo("written");
        } finally {
            holder.destroyForcibly();
        }
    }

    private static Process child(Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
