package dev.parley.storage;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The files Parley keeps in its own folders (the usage ledger, the memory, the timers, the lock files
 * beside shared files), opened only when they are what Parley put there: a regular file, or nothing yet.
 *
 * <p>A link planted there is refused, not written through and not replaced. Written through, a line
 * or a lock file would land in whatever the link points to (another of the user's files), with that
 * file then made private. Replaced, an append-only file linked elsewhere on purpose would silently
 * start over empty. Refusing, with the link named, writes nothing anywhere and lets the user decide.
 * (Files Parley rewrites whole go through {@link AtomicFiles}, whose rename replaces a link itself.)
 *
 * <p>A link is not read through either (one to /dev/zero never ends), and a folder, pipe or device is
 * refused: opening a pipe waits for the other end forever. A file read whole is read only up to a size.
 */
public final class OwnFiles {

    /** Something other than a regular file stands where Parley keeps one of its files. */
    public static final class NotAFileException extends FileSystemException {
        NotAFileException(Path file, String reason) {
            super(file.toString(), null, reason);
        }
    }

    private static final String LINK = "a link";

    private OwnFiles() {}

    /**
     * What stands at {@code file} when it is not a regular file ("a link", "a folder", "a special file
     * (a pipe or device)"); empty when it is one, or when nothing is there. A link is not followed.
     */
    public static Optional<String> whatElse(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException missing) {
            return Optional.empty();
        }
        if (attributes.isRegularFile()) {
            return Optional.empty();
        }
        return Optional.of(attributes.isSymbolicLink() ? LINK : attributes.isDirectory() ? "a folder"
                : "a special file (a pipe or device)");
    }

    /**
     * Opens {@code file} to read and write, creating it private (0600) when missing, never through a
     * link and never into a pipe.
     *
     * @throws NotAFileException when a link, folder or special file is there; its reason names the file
     */
    public static FileChannel openForWriting(Path file) throws IOException {
        requireFileOrNothing(file, "writes");
        // NOFOLLOW_LINKS too: a link made between the check and the open then fails the open.
        return FileChannel.open(file, Set.<OpenOption>of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), PrivateFiles.ownerOnlyAttributes());
    }

    /**
     * Opens {@code file}, which exists, to read, when it is a regular file: never through a link, never a
     * pipe, whose open would wait for a writer forever.
     *
     * @throws NotAFileException when a link, folder or special file is there; its reason names the file
     */
    public static FileChannel openForReading(Path file) throws IOException {
        requireFileOrNothing(file, "reads");
        return FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The whole content of {@code file}, which exists, as {@link #openForReading} opens it, when it has
     * at most {@code maxBytes}: a file too large for what it holds is damaged or not Parley's, and
     * reading it whole could exhaust the memory.
     *
     * @throws FileSystemException when it is larger; its reason names the file and the limit
     */
    public static byte[] readAtMost(Path file, int maxBytes) throws IOException {
        try (FileChannel channel = openForReading(file)) {
            // The size first, so a file far too large is not read at all; then one byte past the limit
            // rather than trust the size alone: the file may grow meanwhile.
            if (channel.size() > maxBytes) {
                throw tooLarge(file, channel.size(), maxBytes);
            }
            byte[] bytes = Channels.newInputStream(channel).readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge(file, Math.max(channel.size(), bytes.length), maxBytes);
            }
            return bytes;
        }
    }

    private static FileSystemException tooLarge(Path file, long size, int maxBytes) {
        return new FileSystemException(file.toString(), null, String.format(Locale.ROOT, "%s has %,d bytes or more,"
                + " more than the %,d Parley reads from it, so it is damaged or not Parley's: move it away", file, size,
                maxBytes));
    }

    private static void requireFileOrNothing(Path file, String verb) throws NotAFileException {
        Optional<String> other = whatElse(file);
        if (other.isEmpty()) {
            return;
        }
        if (other.get().equals(LINK)) {
            throw new NotAFileException(file, file + " is a link, and Parley never " + verb + " through a link in"
                    + " its own folders (it could reach any other file): remove the link, or move it away");
        }
        throw new NotAFileException(file, file + " is " + other.get() + ", not a file, so Parley neither reads nor"
                + " writes it: move it away");
    }
}
