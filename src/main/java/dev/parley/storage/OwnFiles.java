package dev.parley.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;

/**
 * The files Parley keeps in its own folders (the usage ledger, the lock files beside shared files),
 * opened only when they are what Parley put there: a regular file, or nothing yet.
 *
 * <p>A link planted there is refused, not written through and not replaced. Written through, a line
 * or a lock file would land in whatever the link points to (another of the user's files), with that
 * file then made private. Replaced, an append-only file linked elsewhere on purpose would silently
 * start over empty. Refusing, with the link named, writes nothing anywhere and lets the user decide.
 * (Files Parley rewrites whole go through {@link AtomicFiles}, whose rename replaces a link itself.)
 *
 * <p>A folder, pipe or device is refused too: opening a pipe waits for a writer forever.
 */
public final class OwnFiles {

    /** Something other than a regular file stands where Parley keeps one of its files. */
    public static final class NotAFileException extends FileSystemException {
        NotAFileException(Path file, String reason) {
            super(file.toString(), null, reason);
        }
    }

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
        return Optional.of(attributes.isSymbolicLink() ? "a link" : attributes.isDirectory() ? "a folder"
                : "a special file (a pipe or device)");
    }

    /**
     * Opens {@code file} to read and write, creating it private (0600) when missing, never through a
     * link and never into a pipe.
     *
     * @throws NotAFileException when a link, folder or special file is there; its reason names the file
     */
    public static FileChannel openForWriting(Path file) throws IOException {
        requireFileOrNothing(file, "writes to");
        // NOFOLLOW_LINKS too: a link made between the check and the open then fails the open.
        return FileChannel.open(file, Set.<OpenOption>of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), PrivateFiles.ownerOnlyAttributes());
    }

    private static void requireFileOrNothing(Path file, String verb) throws NotAFileException {
        Optional<String> other = whatElse(file);
        if (other.isPresent()) {
            throw new NotAFileException(file, file + " is " + other.get() + ", not a file, and Parley only "
                    + verb + " files of its own there (never through a link, which could reach another file):"
                    + " remove it, or move it away");
        }
    }
}
