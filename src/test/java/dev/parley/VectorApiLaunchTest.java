package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.ParleyPaths;
import dev.parley.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorApiLaunchTest {

    @TempDir
    Path folder;

    private Path config(String active, String fallback) throws IOException {
        return TestConfigs.write(folder, """
                llm:
                  active: %s
                  fallback: [%s]
                  providers:
                    local:
                      type: ollama
                      model: m
                    tiny:
                      type: embedded
                      model: some/model
                """.formatted(active, fallback));
    }

    private boolean usesEmbedded(String... args) {
        return VectorApiLaunch.usesEmbedded(args, new ParleyPaths(folder, folder.resolve("config"),
                folder.resolve("data"), folder.resolve("logs")));
    }

    @Test
    void anActiveServerProviderNeedsNoVectorApi() throws IOException {
        Path file = config("local", "");
        assertThat(usesEmbedded("ask", "--config", file.toString(), "hello")).isFalse();
    }

    @Test
    void anActiveEmbeddedProviderNeedsIt() throws IOException {
        Path file = config("tiny", "");
        assertThat(usesEmbedded("--config", file.toString())).isTrue();
    }

    @Test
    void anEmbeddedProviderNamedOnTheCommandLineOrInTheFallbackChainNeedsIt() throws IOException {
        Path file = config("local", "");
        assertThat(usesEmbedded("ask", "--config=" + file, "--provider", "tiny", "hello")).isTrue();
        Path withFallback = config("local", "tiny");
        assertThat(usesEmbedded("chat", "--config", withFallback.toString())).isTrue();
    }

    @Test
    void anEmbeddedProviderOnlyInACommentIsNotParsedFor() throws IOException {
        Path file = TestConfigs.withSection(folder, """
                    # tiny:
                    #   type: embedded
                """);
        assertThat(usesEmbedded("--config", file.toString())).isFalse();
    }

    @Test
    void onlyCommandsThatAskAModelAreConsidered() {
        assertThat(VectorApiLaunch.asksModel(new String[] {"ask", "hello"})).isTrue();
        assertThat(VectorApiLaunch.asksModel(new String[] {"--config", "chat.yaml", "chat"})).isTrue();
        assertThat(VectorApiLaunch.asksModel(new String[] {"--log-level", "debug", "ask", "hi"})).isTrue();
        assertThat(VectorApiLaunch.asksModel(new String[] {"--log-level", "debug", "conversations", "list"})).isFalse();
        assertThat(VectorApiLaunch.asksModel(new String[] {"--version"})).isFalse();
        assertThat(VectorApiLaunch.asksModel(new String[] {"conversations", "list"})).isFalse();
    }

    @Test
    void aConfigThatDoesNotLoadIsLeftToTheCommandToReport() throws IOException {
        Path file = TestConfigs.write(folder, "llm: [type: embedded\n");
        assertThat(usesEmbedded("--config", file.toString())).isFalse();
    }

    @Test
    void theSecondJvmKeepsEveryOptionButTheJitSettings() {
        assertThat(VectorApiLaunch.secondJvmOptions(java.util.List.of("-Xms32m", "-XX:TieredStopAtLevel=1",
                "-XX:CompileThresholdScaling=3", "-XX:AOTCache=/x/parley.aot")))
                .containsExactly("-Xms32m", "-XX:AOTCache=/x/parley.aot");
    }

    @Test
    void aConfigThatIsNoRegularFileOrTooLargeIsLeftUnreadForTheCommandToRefuse() throws Exception {
        Path pipe = folder.resolve("config.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        // Read here, a pipe would block (no writer) or be used up before the command reads it.
        assertThat(usesEmbedded("ask", "--config", pipe.toString(), "hi")).isFalse();

        Path huge = folder.resolve("huge.yaml");
        try (var file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L << 30); // sparse: 3 GB announced, nothing on disk
        }
        assertThat(usesEmbedded("ask", "--config", huge.toString(), "hi")).isFalse();
    }

    /** The window's Restart for an embedded provider chosen after the start: a working start, with the module. */
    @Test
    void theWindowStartedAgainRunsParleyWithTheVectorApiAndTheGivenEnvironment() throws Exception {
        ProcessBuilder again = VectorApiLaunch.windowAgain(List.of("--version"),
                Map.of("PARLEY_RESUME_CONVERSATION", "kitchen"));

        assertThat(again.command()).contains("--add-modules=jdk.incubator.vector", Main.class.getName())
                .endsWith("--version");
        assertThat(again.environment()).containsEntry("PARLEY_RESUME_CONVERSATION", "kitchen");
        Path out = folder.resolve("out.txt");
        Path err = folder.resolve("err.txt");
        Process version = again.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(version.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(version.exitValue()).isZero();
        assertThat(java.nio.file.Files.readString(out)).startsWith("Parley ");
        assertThat(java.nio.file.Files.readString(err)).contains("jdk.incubator.vector"); // the JVM's own notice
    }
}
