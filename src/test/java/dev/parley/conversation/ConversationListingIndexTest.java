package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start lists the conversations through the rows the last run kept ({@link ConversationIndex}): a new
 * store on the same folder is a new start. A file "unchanged" to a listing is blanked in place with its
 * size and time kept, so a listing that read it again would find it damaged.
 */
class ConversationListingIndexTest {

    @TempDir
    Path folder;

    private ConversationStore start() {
        return ListedFiles.store(folder);
    }

    private Path index() {
        return folder.resolve(ConversationIndex.FILE_NAME);
    }

    @Test
    void theNextStartReadsNoUnchangedFile() throws Exception {
        ConversationStore first = start();
        first.save("kitchen", ListedFiles.turns(1));
        first.save("garden plans", ListedFiles.turns(2));
        assertThat(first.list()).hasSize(2);
        ListedFiles.blankKeepingVersion(folder.resolve("kitchen.json"));
        ListedFiles.blankKeepingVersion(folder.resolve("garden-plans.json"));

        ConversationStore.Listing listing = start().listing();

        assertThat(listing.readable()).extracting(ConversationInfo::name, ConversationInfo::turns)
                .containsExactlyInAnyOrder(tuple("kitchen", 2), tuple("garden plans", 4));
        assertThat(listing.unreadable()).isEmpty();
    }

    @Test
    void aFileChangedBetweenStartsIsReadAgain() throws Exception {
        ConversationStore first = start();
        first.save("kitchen", ListedFiles.turns(1));
        first.save("garden", ListedFiles.turns(1));
        assertThat(first.list()).hasSize(2);
        new ConversationStore(folder, Clock.fixed(ListedFiles.T0.plusSeconds(60), ZoneOffset.UTC)).save("kitchen", ListedFiles.turns(3));
        Path garden = folder.resolve("garden.json");
        Files.writeString(garden, "not json");

        ConversationStore.Listing listing = start().listing();

        assertThat(listing.readable()).extracting(ConversationInfo::name, ConversationInfo::turns,
                ConversationInfo::updated).containsExactly(tuple("kitchen", 6, ListedFiles.T0.plusSeconds(60)));
        assertThat(listing.unreadable()).containsExactly(garden);
    }

    @Test
    void aFileDeletedBetweenStartsIsNotListed() {
        ConversationStore first = start();
        first.save("kitchen", ListedFiles.turns(1));
        first.save("garden", ListedFiles.turns(1));
        assertThat(first.list()).hasSize(2);

        first.delete("garden");

        assertThat(start().list()).extracting(ConversationInfo::name).containsExactly("kitchen");
    }

    @Test
    void aDamagedIndexIsIgnoredAndWrittenAfresh() throws Exception {
        ConversationStore first = start();
        first.save("kitchen", ListedFiles.turns(1));
        assertThat(first.list()).hasSize(1);
        Files.writeString(index(), "{\"reader\": ");

        assertThat(start().list()).extracting(ConversationInfo::name, ConversationInfo::turns)
                .containsExactly(tuple("kitchen", 2));
        ListedFiles.blankKeepingVersion(folder.resolve("kitchen.json"));

        assertThat(start().list()).extracting(ConversationInfo::name).containsExactly("kitchen");
    }

    @Test
    void aDeletedIndexIsWrittenAgain() throws Exception {
        ConversationStore first = start();
        first.save("kitchen", ListedFiles.turns(1));
        assertThat(first.list()).hasSize(1);
        Files.delete(index());

        assertThat(start().list()).hasSize(1);

        assertThat(index()).exists();
    }

    @Test
    void anIndexRowNamingAnotherFileIsNotTrusted() throws Exception {
        ConversationStore first = start();
        first.save("kitchen", ListedFiles.turns(1));
        assertThat(first.list()).hasSize(1);
        Files.writeString(index(), Files.readString(index()).replace("\"name\":\"kitchen\"", "\"name\":\"secrets\""));
        assertThat(index()).content().contains("secrets");

        assertThat(start().list()).extracting(ConversationInfo::name).containsExactly("kitchen");
    }

    @Test
    void theIndexIsTheUsersAlone() throws Exception {
        ConversationStore first = start();
        first.save("kitchen", ListedFiles.turns(1));

        first.list();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(index()))).isEqualTo("rw-------");
    }

    @Test
    void theIndexIsNotListedAsAConversation() {
        ConversationStore first = start();
        first.save("kitchen", ListedFiles.turns(1));
        first.list();

        ConversationStore.Listing listing = start().listing();

        assertThat(listing.readable()).extracting(ConversationInfo::name).containsExactly("kitchen");
        assertThat(listing.unreadable()).isEmpty();
    }

    /** A process killed while it wrote the index leaves its temporary file: a later run removes it once old. */
    @Test
    void aKilledWritesLeftoverIsRemovedOnceOld() throws Exception {
        Path abandoned = Files.writeString(folder.resolve("." + ConversationIndex.FILE_NAME + ".4711.tmp"), "{\"rea");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path writing = Files.writeString(folder.resolve("." + ConversationIndex.FILE_NAME + ".4712.tmp"), "{\"rea");
        ConversationStore store = start();
        store.save("kitchen", ListedFiles.turns(1));

        store.list();

        assertThat(abandoned).doesNotExist();
        assertThat(writing).as("perhaps another Parley's, writing now").exists();
        assertThat(index()).exists();
    }

    /**
     * chmod leaves a file's size, time and identity as they were: a file made unreadable between starts
     * was listed as fine from its kept row, and then could not be opened. (The test runs as root, who
     * reads it anyway: the blanked content, with the version kept, shows whether it was read again.)
     */
    @Test
    void aFileWhosePermissionsChangedBetweenStartsIsReadAgain() throws Exception {
        ConversationStore first = start();
        first.save("kitchen", ListedFiles.turns(1));
        assertThat(first.list()).hasSize(1);
        Path kitchen = folder.resolve("kitchen.json");
        ListedFiles.blankKeepingVersion(kitchen);
        Files.setPosixFilePermissions(kitchen, PosixFilePermissions.fromString("---------"));

        ConversationStore.Listing listing = start().listing();

        assertThat(listing.readable()).isEmpty();
        assertThat(listing.unreadable()).containsExactly(kitchen);
    }
}
