package dev.parley.conversation;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** What the listing tests save, and how they tell whether a listing read a file again. */
final class ListedFiles {

    static final Instant T0 = Instant.parse("2026-11-22T10:15:30Z");

    private ListedFiles() {}

    /** A store on {@code folder} whose saves are all at {@link #T0}: a new one is a new start of Parley. */
    static ConversationStore store(Path folder) {
        return new ConversationStore(folder, Clock.fixed(T0, ZoneOffset.UTC));
    }

    /** {@code pairs} questions, each with its answer. */
    static Conversation turns(int pairs) {
        Conversation conversation = new Conversation("Be brief.", Clock.fixed(T0, ZoneOffset.UTC));
        for (int i = 0; i < pairs; i++) {
            conversation.addUser("Question " + i);
            conversation.addAssistant("Answer " + i);
        }
        return conversation;
    }

    /**
     * Overwrites the file with as many spaces and puts its time back: the same version to a listing,
     * which would find it damaged if it read it again.
     */
    static void blankKeepingVersion(Path file) throws IOException {
        FileTime time = Files.getLastModifiedTime(file);
        try (RandomAccessFile open = new RandomAccessFile(file.toFile(), "rw")) {
            open.write(" ".repeat((int) open.length()).getBytes(StandardCharsets.US_ASCII));
        }
        Files.setLastModifiedTime(file, time);
    }
}
