package dev.parley.storage;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Writes files so that a crash at any moment leaves either the old content or the new, never a
 * torn mix: the bytes go to a hidden temporary file in the same folder, are forced to disk, and
 * the temporary file is renamed over the target in one step. Every file Parley writes for the
 * user (config, conversations, memory, audio) goes through here, readable by the user alone
 * ({@link PrivateFiles}).
 */
public final class AtomicFiles {

    private static final Logger LOG = LogManager.getLogger(AtomicFiles.class);
    /** How old a temporary file must be to be a killed write's, not one under way elsewhere: no write takes that long. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private AtomicFiles() {}

    /**
     * Replaces {@code target} with {@code bytes}, creating its folder. The temporary file is named
     * {@code .<target name>.<random>.tmp}, so owners of a folder can recognize leftovers of a killed
     * process; it is removed when the write fails.
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        PrivateFiles.createFolder(folder);
        // Created 0600 (createTempFile's default on POSIX), so the renamed file is private too.
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
        try {
            // A stream, not a FileChannel: a stop interrupts the thread a turn ran on, and its answer must
            // still be saved there (an interrupted thread's channel closes mid-write). The interrupt stays
            // set for the caller to see.
            try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
                out.write(bytes);
                out.getFD().sync(); // so a crash after the rename cannot leave an empty file behind
            }
            moveIntoPlace(temp, absolute);
            temp = null;
            syncFolder(folder);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Removes the temporary files a process killed while it wrote {@code target} left behind, the ones last
     * changed over {@link #ABANDONED_AFTER} before {@code now}: younger ones may still belong to a write under
     * way in another process. A failure is logged: the leftovers only take room.
     */
    public static void removeAbandoned(Path target, Instant now) {
        Instant cutoff = now.minus(ABANDONED_AFTER);
        Path absolute = target.toAbsolutePath();
        String prefix = "." + absolute.getFileName() + ".";
        try (Stream<Path> files = Files.list(absolute.getParent())) {
            for (Path file : files.toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.startsWith(prefix) && fileName.endsWith(".tmp")
                        && Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not clean temporary files of {}: {}", target, e.getMessage());
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some network and FUSE file systems cannot rename atomically; saving the user's data
            // non-atomically beats not saving it at all.
            LOG.warn("{} cannot be replaced atomically on this file system; replacing it in two steps", target);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; not every platform can open a folder for that, which is fine. */
    private static void syncFolder(Path folder) {
        // A channel's force() fails on an interrupted thread; the stop is kept for the caller.
        boolean interrupted = Thread.interrupted();
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Could not sync folder {}: {}", folder, e.getMessage());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
