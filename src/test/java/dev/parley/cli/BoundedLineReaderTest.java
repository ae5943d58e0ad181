package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.ParleyException;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.CliRun;
import dev.parley.testing.TestConfigs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedLineReaderTest {

    /** Like /dev/zero: NUL bytes for ever, never a line break. */
    private static final InputStream ZEROS = new InputStream() {
        @Override
        public int read() {
            return 0;
        }
    };

    @TempDir
    Path folder;

    private static List<String> lines(String text, int limit) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BoundedLineReader reader = new BoundedLineReader(new StringReader(text), limit)) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void readsLinesEndedAsBufferedReaderEndsThem() throws IOException {
        assertThat(lines("one\ntwo\r\nthree\rfour\r\n\nlast", 10))
                .containsExactly("one", "two", "three", "four", "", "last");
        assertThat(lines("", 10)).isEmpty();
        assertThat(lines("exactly10!\n", 10)).containsExactly("exactly10!");
    }

    @Test
    void aLineLongerThanTheLimitFailsWithASentence() {
        assertThatThrownBy(() -> lines("short\n" + "x".repeat(11) + "\n", 10)).isInstanceOf(ParleyException.class)
                .hasMessageContaining("A line of standard input is longer than 10 characters");
    }

    @Test
    void inputThatCannotBeReadFailsWithASentenceNotAnUnexpectedError() {
        Reader folder = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("Is a directory"); // what reading `chat < /` gives
            }

            @Override
            public void close() {}
        };

        assertThatThrownBy(() -> new BoundedLineReader(folder).readLine()).isInstanceOf(ParleyException.class)
                .hasMessage("Cannot read standard input (Is a directory); give parley text as its input, typed or"
                        + " from a text file.");
    }

    @Test
    void chatFromBytesThatAreNotTextEndsWithASentenceInsteadOfSendingThem() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Never asked."))) {
            Path config = TestConfigs.withProvider(folder, "openai-compatible", server.baseUrl());

            CliRun run = CliRun.withInput(new ByteArrayInputStream(new byte[] {'h', 'i', (byte) 0xFF, (byte) 0xFE,
                    '\n'}), "chat", "--config", config.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("parley: Cannot read standard input (it is not UTF-8 text)");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void chatFromAnEndlessStreamWithoutLineBreaksEndsWithThatSentenceNotOutOfMemory() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Never asked."))) {
            Path config = TestConfigs.withProvider(folder, "openai-compatible", server.baseUrl());

            CliRun run = CliRun.withInput(ZEROS, "chat", "--config", config.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("parley: A line of standard input is longer than 100,000 characters")
                    .doesNotContain("OutOfMemoryError");
            assertThat(server.requests()).isEmpty();
        }
    }
}
