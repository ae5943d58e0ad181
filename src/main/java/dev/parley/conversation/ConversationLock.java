package dev.parley.conversation;

import dev.parley.storage.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One Parley at a time per saved conversation: two processes (a window and a {@code chat}, two
 * {@code chat}s) that both continue "kitchen" would each save their own turns over the other's, and
 * half of them would be lost without a word. Whoever continues a conversation holds this lock until
 * it lets go; the second is refused with a message saying so. It is the operating system's file
 * lock, so a process that crashes or is killed lets go with it, and no stale lock is ever left.
 */
public final class ConversationLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ConversationLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the conversation {@code name} of {@code store}.
     *
     * @throws ConversationStoreException if another Parley (or this one, elsewhere) holds it, or the
     *     name is not valid
     */
    public static ConversationLock take(ConversationStore store, String name) {
        Path file = store.folder().resolve("." + ConversationStore.slug(name) + ".lock");
        FileChannel channel = null;
        try {
            PrivateFiles.createFolder(store.folder());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            PrivateFiles.ownerOnly(file);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new ConversationLock(channel, lock);
            }
        } catch (OverlappingFileLockException heldHere) {
            // this process holds it already, through another channel: just as taken
        } catch (IOException e) {
            close(channel);
            throw new ConversationStoreException("Cannot lock the conversation '" + name + "' (" + file + "): "
                    + e.getMessage(), e);
        }
        close(channel);
        throw new ConversationStoreException("The conversation '" + name + "' is open in another Parley (a window,"
                + " 'chat' or 'serve'); close it there first, or continue it under another name.");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel's close below releases it too
        }
        close(channel);
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
