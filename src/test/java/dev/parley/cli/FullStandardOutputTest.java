package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.TestConfigs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code parley ask … > answer.txt} on a full disk: the answer is lost, so the exit code must say so. */
class FullStandardOutputTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Like /dev/full: every write fails. */
    private static final OutputStream FULL_DISK = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    };

    private int run(String stdin, String... args) {
        return Cli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(FULL_DISK, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void anAnswerThatCannotBeWrittenFailsTheCommand() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Paris."))) {
            Path config = TestConfigs.withProvider(folder, "openai-compatible", server.baseUrl());

            int exitCode = run("", "ask", "--config", config.toString(), "Capital of France?");

            assertThat(exitCode).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("parley: could not write all of the output: standard output is full or closed");
        }
    }

    @Test
    void aChatWhoseAnswersNobodyCanReadStopsAfterTheFirstTurn() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("One."), Reply.of("Two."),
                Reply.of("Three."))) {
            Path config = TestConfigs.withProvider(folder, "openai-compatible", server.baseUrl());

            int exitCode = run("first\nsecond\nthird\n", "chat", "--config", config.toString());

            assertThat(exitCode).isEqualTo(1);
            assertThat(server.requests()).hasSize(1);
        }
    }

    /**
     * Without the stop, the endless reply (a word every 10 ms) is read on until the 100,000-character cap,
     * over three minutes; the timeout fails the test long before.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ask", "chat"})
    void aLongAnswerNobodyCanReadIsStoppedAtOnceNotReadToItsEnd(String command) throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("word ").delayedBy(10).endless())) {
            Path config = TestConfigs.withProvider(folder, "openai-compatible", server.baseUrl());

            int exitCode = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> command.equals("ask")
                    ? run("", "ask", "--config", config.toString(), "Talk for ever.")
                    : run("Talk for ever.\nAnd again.\n", "chat", "--config", config.toString()));

            assertThat(exitCode).isEqualTo(1);
            assertThat(server.requests()).hasSize(1);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("parley: could not write all of the output").doesNotContain("cancelled");
        }
    }

    @Test
    void thinkingAskedForThatCannotBeWrittenStopsTheTurnAndFailsTheCommand() throws Exception {
        String[] thoughts = new String[200];
        Arrays.fill(thoughts, "hmm ");
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Done.").thinkingFirst(thoughts).delayedBy(20))) {
            Path config = TestConfigs.withProvider(folder, "openai-compatible", server.baseUrl());
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int exitCode = Cli.run(new String[] {"ask", "--show-thinking", "--config", config.toString(), "Think."},
                    new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(FULL_DISK, true, StandardCharsets.UTF_8));

            assertThat(exitCode).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Done.");
        }
    }

    @Test
    void helpThatCannotBeWrittenFailsToo() {
        assertThat(run("", "--version")).isEqualTo(1);
        assertThat(run("", "--help")).isEqualTo(1);
    }
}
