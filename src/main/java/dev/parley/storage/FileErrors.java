package dev.parley.storage;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file operation's failure in words. The JDK's file exceptions often carry nothing but the path as
 * their message, so "Cannot read X: X" told the user nothing about why.
 */
public final class FileErrors {

    private FileErrors() {}

    /**
     * The file standing where {@code folder}, or a folder above it, should be, if one does: then no
     * folder can be made there, and an empty listing of it would be a false "nothing saved yet".
     */
    public static Optional<Path> fileInTheWay(Path folder) {
        for (Path at = folder.toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.exists(at)) {
                return Files.isDirectory(at) ? Optional.empty() : Optional.of(at);
            }
        }
        return Optional.empty();
    }

    /**
     * The link standing where {@code folder}, or a folder above it, should be, whose target is missing
     * (a data folder linked to a disk that is not mounted): no folder can be made through it, and
     * "already exists" or "check that it exists" tell the user nothing about the link.
     */
    public static Optional<Path> brokenLinkInTheWay(Path folder) {
        for (Path at = folder.toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.exists(at)) {
                return Optional.empty();
            }
            if (Files.isSymbolicLink(at)) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    /** "LINK leads to TARGET, which does not exist". */
    private static String brokenLink(Path link) {
        return link + " leads to " + target(link) + ", which does not exist";
    }

    /** Where {@code link} leads, beside it, or "the folder it names" when the link cannot be read. */
    private static String target(Path link) {
        return linkTarget(link).map(target -> link.resolveSibling(target).toString()).orElse("the folder it names");
    }

    /**
     * What {@code link} says it leads to, as written in it, for a message about a link whose target is
     * missing; empty when it cannot be read (removed meanwhile, not a link, or a file system without
     * links), and the message then names the target in words instead.
     */
    public static Optional<Path> linkTarget(Path link) {
        try {
            return Optional.of(Files.readSymbolicLink(link));
        } catch (IOException | UnsupportedOperationException | SecurityException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * What the user can do about {@code error}, a failure to write in {@code folder}: a sentence
     * (capital first, full stop last) that names the folder, or a file in its way. A full disk and a
     * folder without write permission need different fixes, and "No space left on device" alone
     * reads as a failure of whatever the message was about. Empty when the reason says it already.
     */
    public static String remedy(IOException error, Path folder) {
        if (error instanceof WriterLock.BusyException) {
            return ""; // its reason says what to do already
        }
        String reason = reason(error).toLowerCase(java.util.Locale.ROOT);
        Optional<Path> inTheWay = fileInTheWay(folder);
        if (inTheWay.isPresent()) {
            return inTheWay.get() + " is a file, not a folder: move it away.";
        }
        Optional<Path> brokenLink = brokenLinkInTheWay(folder);
        if (brokenLink.isPresent()) {
            Path link = brokenLink.get();
            return "Make " + target(link) + " (or connect the disk it is on), or remove the link " + link + ".";
        }
        if (reason.contains("no space left") || reason.contains("not enough space") || reason.contains("quota")) {
            return "The disk that holds " + folder + " is full: free some space on it.";
        }
        if (reason.contains("read-only file system")) {
            return folder + " is on a disk mounted read-only: mount it writable.";
        }
        if (error instanceof AccessDeniedException || reason.contains("permission denied")) {
            return "You may not write in " + folder + ": make it writable for you (chmod u+rwx), or give it to"
                    + " you (chown).";
        }
        return "Check that " + folder + " exists and can be written.";
    }

    /** Why {@code error} happened, as a phrase to follow "cannot read X": without X, though a file in its way is named. */
    public static String reason(IOException error) {
        return switch (error) {
            case AccessDeniedException denied -> "permission denied";
            case NoSuchFileException missing -> "it does not exist";
            case NotDirectoryException notFolder -> "it is not a folder";
            case CharacterCodingException notText -> "it is not UTF-8 text";
            // createDirectories says this, with the path alone, when a file stands where a folder goes;
            // the path named is that file, not the one the caller names.
            case FileAlreadyExistsException taken when taken.getFile() != null
                    && Files.isSymbolicLink(Path.of(taken.getFile())) && !Files.exists(Path.of(taken.getFile())) ->
                brokenLink(Path.of(taken.getFile()));
            case FileAlreadyExistsException taken when taken.getFile() != null
                    && !Files.isDirectory(Path.of(taken.getFile())) -> taken.getFile() + " already exists and is not a folder";
            case FileSystemException other when other.getReason() != null -> other.getReason();
            default -> error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        };
    }
}
