package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing a folder of many conversations again, as the window does after every turn. */
class ConversationListingTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:15:30Z");

    @TempDir
    Path folder;

    private ConversationStore store() {
        return new ConversationStore(folder, Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static Conversation turns(int pairs) {
        Conversation conversation = new Conversation("Be brief.", Clock.fixed(T0, ZoneOffset.UTC));
        for (int i = 0; i < pairs; i++) {
            conversation.addUser("Question " + i);
            conversation.addAssistant("Answer " + i);
        }
        return conversation;
    }

    @Test
    void listingAgainAfterASaveReadsOnlyTheSavedFile() throws Exception {
        ConversationStore store = store();
        store.save("kept", turns(1));
        store.save("talked", turns(1));
        assertThat(store.list()).hasSize(2);
        // Overwritten in place with as many bytes, its time put back: unchanged to a listing, which would find
        // it damaged if it read it again.
        Path kept = folder.resolve("kept.json");
        FileTime time = Files.getLastModifiedTime(kept);
        try (RandomAccessFile file = new RandomAccessFile(kept.toFile(), "rw")) {
            file.write(" ".repeat((int) file.length()).getBytes(StandardCharsets.US_ASCII));
        }
        Files.setLastModifiedTime(kept, time);

        store.save("talked", turns(3));
        ConversationStore.Listing listing = store.listing();

        assertThat(listing.readable()).extracting(ConversationInfo::name, ConversationInfo::turns)
                .containsExactlyInAnyOrder(tuple("kept", 2), tuple("talked", 6));
        assertThat(listing.unreadable()).isEmpty();
    }

    @Test
    void aFileChangedSinceTheLastListingIsReadAgain() throws Exception {
        ConversationStore store = store();
        store.save("kept", turns(1));
        assertThat(store.list()).hasSize(1);
        Path kept = folder.resolve("kept.json");
        Files.writeString(kept, "not json");
        Files.setLastModifiedTime(kept, FileTime.from(T0.plusSeconds(60)));

        assertThat(store.listing().unreadable()).containsExactly(kept);

        store.save("kept", turns(2));
        assertThat(store.listing().readable()).extracting(ConversationInfo::turns).containsExactly(4);
    }

    @Test
    void aDeletedConversationLeavesTheListing() {
        ConversationStore store = store();
        store.save("gone", turns(1));
        store.save("kept", turns(1));
        assertThat(store.list()).hasSize(2);

        store.delete("gone");

        assertThat(store.list()).extracting(ConversationInfo::name).containsExactly("kept");
    }
}
