package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A process killed while saving leaves either no conversation or a complete one, never a broken file. */
@Tag("slow")
class ConversationStoreCrashTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "killed {0} ms into a loop of saves")
    @ValueSource(ints = {0, 13, 37, 90, 150, 420})
    void aKillMidWriteLeavesNoBrokenConversation(int delayMillis) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                SaveLoop.class.getName(), folder.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).as("the child saved once").isEqualTo("saved once");
            Thread.sleep(delayMillis);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }

        // The kill landed during some save after the first: the previous or the new version is on disk, whole.
        ConversationStore store = new ConversationStore(folder);
        Conversation loaded = store.load(SaveLoop.NAME);
        Conversation expected = SaveLoop.large();
        assertThat(loaded.turns()).hasSize(SaveLoop.TURNS);
        assertThat(loaded.turns()).extracting(Turn::text, Turn::reasoning, Turn::interrupted)
                .isEqualTo(expected.turns().stream().map(turn -> tuple(turn.text(), turn.reasoning(), turn.interrupted())).toList());
        assertThat(store.list()).as("a leftover temporary file is not a conversation")
                .extracting(ConversationInfo::name).containsExactly(SaveLoop.NAME);
        try (var files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .allMatch(name -> name.equals("big-one.json") || name.startsWith(".big-one.json.") && name.endsWith(".tmp")
                            || name.equals(ConversationIndex.FILE_NAME)); // the listing above kept its rows
        }
    }
}
