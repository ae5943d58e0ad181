package dev.parley.conversation;

import dev.parley.storage.FileErrors;
import dev.parley.storage.OwnFiles;
import dev.parley.storage.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Parley at a time per saved conversation: two processes (a window and a {@code chat}, two
 * {@code chat}s) that both continue "kitchen" would each save their own turns over the other's, and
 * half of them would be lost without a word. Whoever continues a conversation holds this lock until
 * it lets go; the second is refused with a message saying so. It is the operating system's file
 * lock, so a process that crashes or is killed lets go with it, and no stale lock is ever left.
 */
public final class ConversationLock implements AutoCloseable {

    /**
     * The lock files this process holds. A second channel on one of them must never be opened: the
     * operating system's lock belongs to the process, and closing any channel on the file lets it go.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private ConversationLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the conversation {@code name} of {@code store}.
     *
     * @throws ConversationInUseException if another Parley (or this one, elsewhere) holds it
     * @throws ConversationStoreException if the name is not valid or the lock file cannot be made
     */
    public static ConversationLock take(ConversationStore store, String name) {
        Attempt attempt = attempt(store, name);
        if (attempt.lock() == null) {
            throw new ConversationInUseException(name, "close it there first, or continue it under another name.");
        }
        return attempt.lock();
    }

    /**
     * Runs {@code change} to the conversation's files (a delete, a rename) unless another Parley has
     * it open: that one would save its turns again over the change (a deleted conversation would come
     * back, a renamed one would be there twice). This process's own hold does not stop the change:
     * the window renaming or deleting the conversation it shows decides what it continues with.
     *
     * @throws ConversationInUseException if another process holds it
     */
    static void unlessOpenElsewhere(ConversationStore store, String name, Runnable change) {
        if (!Files.exists(store.folder().resolve(fileName(name)), LinkOption.NOFOLLOW_LINKS)) {
            change.run(); // no Parley ever held it (each makes the file first), and none is left behind here
            return;
        }
        Attempt attempt = attempt(store, name);
        if (attempt.lock() == null && !attempt.heldHere()) {
            throw new ConversationInUseException(name, "close it there first.");
        }
        try {
            change.run();
        } finally {
            if (attempt.lock() != null) {
                attempt.lock().close();
            }
        }
    }

    private static String fileName(String name) {
        return "." + ConversationStore.slug(name) + ".lock";
    }

    /** The lock, or none: then {@code heldHere} says whether this process (elsewhere) or another one holds it. */
    private record Attempt(ConversationLock lock, boolean heldHere) {}

    private static Attempt attempt(ConversationStore store, String name) {
        String fileName = fileName(name);
        Path file = store.folder().resolve(fileName);
        FileChannel channel = null;
        boolean claimed = false;
        try {
            PrivateFiles.createFolder(store.folder());
            file = store.folder().toRealPath().resolve(fileName); // one key however the folder was named
            claimed = HELD_HERE.add(file);
            if (!claimed) {
                return new Attempt(null, true);
            }
            channel = OwnFiles.openForWriting(file); // never through a link planted in its place
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new Attempt(new ConversationLock(file, channel, lock), false);
            }
        } catch (OverlappingFileLockException heldHere) {
            // Held here through another path to the same file (a hard link, a bind mount). Closing this
            // channel would let the process's lock go, so it stays open: one descriptor, in a case the
            // real path above all but rules out.
            HELD_HERE.remove(file);
            return new Attempt(null, true);
        } catch (IOException e) {
            close(channel);
            if (claimed) {
                HELD_HERE.remove(file);
            }
            throw new ConversationStoreException("Cannot lock the conversation '" + name + "' (" + file + "): "
                    + FileErrors.reason(e) + ". " + FileErrors.remedy(e, store.folder()), e);
        }
        close(channel);
        HELD_HERE.remove(file);
        return new Attempt(null, false);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel's close below releases it too
        }
        close(channel);
        HELD_HERE.remove(file);
    }

    private static void close(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }
}
