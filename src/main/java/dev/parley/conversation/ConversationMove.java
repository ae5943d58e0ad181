package dev.parley.conversation;

import dev.parley.storage.AtomicFiles;
import dev.parley.storage.FileErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A saved conversation moved to another file, with its pictures, all or nothing: a move that fails once
 * the new file is written (an old file made immutable, pictures that cannot move) is undone, so the
 * conversation stays under its old name with its pictures instead of being left under both.
 */
final class ConversationMove {

    private static final Logger LOG = LogManager.getLogger(ConversationMove.class);

    private ConversationMove() {}

    /** Writes {@code content} to {@code newFile}, then moves the pictures and removes {@code oldFile}. */
    static void move(Path oldFile, Path newFile, byte[] content) throws IOException {
        AtomicFiles.write(newFile, content);
        if (oldFile.equals(newFile)) {
            return; // the same file under a differently written name: rewritten, nothing moves
        }
        try {
            ConversationImages.beside(oldFile).moveTo(ConversationImages.beside(newFile));
            Files.delete(oldFile);
        } catch (IOException e) {
            undo(oldFile, newFile);
            throw e;
        }
    }

    private static void undo(Path oldFile, Path newFile) {
        try {
            ConversationImages.beside(newFile).moveTo(ConversationImages.beside(oldFile));
            Files.deleteIfExists(newFile);
        } catch (IOException e) {
            LOG.warn("Could not undo the half-done move of {} to {} ({})", oldFile, newFile, FileErrors.reason(e));
        }
    }
}
