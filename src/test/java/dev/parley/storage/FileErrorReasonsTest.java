package dev.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.config.LastGoodConfig;
import dev.parley.conversation.ConversationLock;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.ConversationStoreException;
import dev.parley.testing.CapturedLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages about a failed file operation say why it failed: before, these three ended with the
 * JDK's message, which is often just a path ("Cannot lock the conversation 'x' (…): /…/conversations").
 */
class FileErrorReasonsTest {

    @TempDir
    Path folder;

    @Test
    void aDataFolderLinkedToAMissingFolderIsNamedWithWhereItLeads() throws Exception {
        Path unmounted = folder.resolve("usb-disk").resolve("parley");
        Path data = Files.createSymbolicLink(folder.resolve("parley"), unmounted);

        assertThatThrownBy(() -> ConversationLock.take(new ConversationStore(data.resolve("conversations")), "x"))
                .isInstanceOf(ConversationStoreException.class)
                .hasMessageContaining("Cannot lock the conversation 'x'")
                .hasMessageContaining(data + " leads to " + unmounted + ", which does not exist")
                .hasMessageEndingWith(". Make " + unmounted + " (or connect the disk it is on), or remove the link " + data
                        + ".")
                .hasMessageNotContaining("already exists");
    }

    @Test
    void aConversationThatCannotBeLockedSaysWhy() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("conversations"), "a file where the folder goes");

        assertThatThrownBy(() -> ConversationLock.take(new ConversationStore(notAFolder), "x"))
                .isInstanceOf(ConversationStoreException.class)
                .hasMessageContaining("Cannot lock the conversation 'x'")
                .hasMessageContaining(notAFolder + " already exists and is not a folder")
                .hasMessageEndingWith(notAFolder + " is a file, not a folder: move it away.");
    }

    @Test
    void aLastGoodCopyThatCannotBeKeptSaysWhy() throws Exception {
        Path gone = folder.resolve("config.yaml"); // removed after loading, say

        try (CapturedLog log = CapturedLog.of(LastGoodConfig.class)) {
            LastGoodConfig.keep(gone);

            assertThat(log.at(Level.WARN)).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("Could not keep a copy").endsWith(": it does not exist"));
        }
    }

    @Test
    void aFolderThatCannotBeMadeSaysWhyToTheCallerAndPrintsNothingOfItsOwn() throws Exception {
        Path logs = Files.writeString(folder.resolve("logs"), "a file where the folder goes");
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Map<Path, String> unusable;
        try {
            unusable = PrivateFiles.secure(logs);
        } finally {
            System.setErr(original);
        }

        assertThat(unusable).containsEntry(logs, "a file of that name is in the way");
        assertThat(err.toString(StandardCharsets.UTF_8)).as("not 'cannot make it private': it is not there").isEmpty();
    }
}
