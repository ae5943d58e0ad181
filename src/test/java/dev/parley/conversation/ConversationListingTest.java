package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing a folder of many conversations again, as the window does after every turn. */
class ConversationListingTest {

    @TempDir
    Path folder;

    private ConversationStore store() {
        return ListedFiles.store(folder);
    }

    @Test
    void listingAgainAfterASaveReadsOnlyTheSavedFile() throws Exception {
        ConversationStore store = store();
        store.save("kept", ListedFiles.turns(1));
        store.save("talked", ListedFiles.turns(1));
        assertThat(store.list()).hasSize(2);
        ListedFiles.blankKeepingVersion(folder.resolve("kept.json"));

        store.save("talked", ListedFiles.turns(3));
        ConversationStore.Listing listing = store.listing();

        assertThat(listing.readable()).extracting(ConversationInfo::name, ConversationInfo::turns)
                .containsExactlyInAnyOrder(tuple("kept", 2), tuple("talked", 6));
        assertThat(listing.unreadable()).isEmpty();
    }

    @Test
    void aFileChangedSinceTheLastListingIsReadAgain() throws Exception {
        ConversationStore store = store();
        store.save("kept", ListedFiles.turns(1));
        assertThat(store.list()).hasSize(1);
        Path kept = folder.resolve("kept.json");
        Files.writeString(kept, "not json");
        Files.setLastModifiedTime(kept, FileTime.from(ListedFiles.T0.plusSeconds(60)));

        assertThat(store.listing().unreadable()).containsExactly(kept);

        store.save("kept", ListedFiles.turns(2));
        assertThat(store.listing().readable()).extracting(ConversationInfo::turns).containsExactly(4);
    }

    @Test
    void aDeletedConversationLeavesTheListing() {
        ConversationStore store = store();
        store.save("gone", ListedFiles.turns(1));
        store.save("kept", ListedFiles.turns(1));
        assertThat(store.list()).hasSize(2);

        store.delete("gone");

        assertThat(store.list()).extracting(ConversationInfo::name).containsExactly("kept");
    }
}
