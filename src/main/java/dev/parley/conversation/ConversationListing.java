package dev.parley.conversation;

import dev.parley.conversation.ConversationIndex.Entry;
import dev.parley.storage.FileErrors;
import dev.parley.storage.FileVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The rows of a conversations folder, each file read again only when it changed since the last
 * listing. A user of two years has thousands of conversations (a hundred megabytes of JSON), and the
 * window lists them at start, when it gets the focus and after every turn's save: reading every
 * file each time took seconds of CPU and hundreds of megabytes of heap, for one changed file.
 * A file counts as changed when its size, modification time, identity (a save renames a new file
 * over the old one) or permissions differ. The rows outlive the process in a {@link ConversationIndex}, so a start
 * reads only the files changed since the last run.
 */
final class ConversationListing {

    private static final Logger LOG = LogManager.getLogger(ConversationListing.class);

    private final Path folder;
    private final Function<Path, ConversationFile> read;
    private final Predicate<Path> conversationFile;
    private final ConversationIndex index;
    /** One listing at a time: two at once (the window's start and its first focus) read every new file twice. */
    private final ReentrantLock listing = new ReentrantLock();
    /** Guarded by {@link #listing}: each file's entry, by its name; from the index until the first listing. */
    private final Map<String, Entry> known = new HashMap<>();
    private boolean indexRead;

    /**
     * {@code read}: the file as a checked conversation, or a {@link ConversationStoreException} saying why not;
     * {@code conversationFile}: which of the folder's entries are conversation files (not temporary files).
     */
    ConversationListing(Path folder, Function<Path, ConversationFile> read, Predicate<Path> conversationFile) {
        this.folder = folder;
        this.read = read;
        this.conversationFile = conversationFile;
        this.index = new ConversationIndex(folder);
    }

    ConversationStore.Listing listing() {
        listing.lock();
        try {
            return listUnderLock();
        } finally {
            listing.unlock();
        }
    }

    private ConversationStore.Listing listUnderLock() {
        if (!Files.isDirectory(folder)) {
            known.clear();
            return new ConversationStore.Listing(List.of(), List.of());
        }
        if (!indexRead) {
            indexRead = true;
            known.putAll(index.read());
        }
        List<ConversationInfo> infos = new ArrayList<>();
        List<Path> unreadable = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean changed = false;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(conversationFile::test).sorted().toList()) {
                String name = file.getFileName().toString();
                seen.add(name);
                Entry before = known.get(name);
                Entry now = entry(file, before);
                changed |= now != before && (kept(now) || kept(before));
                Optional<ConversationInfo> row = now == null ? Optional.empty() : now.row();
                if (row.isPresent()) {
                    infos.add(row.get());
                } else {
                    unreadable.add(file);
                }
            }
        } catch (IOException e) {
            throw new ConversationStoreException("Cannot list the saved conversations in " + folder + " ("
                    + FileErrors.reason(e) + ").", e);
        }
        changed |= known.entrySet().removeIf(entry -> !seen.contains(entry.getKey()) && kept(entry.getValue()));
        known.keySet().retainAll(seen);
        if (changed) {
            index.write(known);
        }
        infos.sort(Comparator.comparing(ConversationInfo::updated).reversed());
        return new ConversationStore.Listing(List.copyOf(infos), List.copyOf(unreadable));
    }

    /** {@code before} while the file has its version, else what the file holds now; null for no file of its own. */
    private Entry entry(Path file, Entry before) {
        String name = file.getFileName().toString();
        Optional<String> stamp = stamp(file);
        if (stamp.isEmpty()) { // a folder, a pipe, a link, or gone: never read, never kept
            known.remove(name);
            LOG.warn(ConversationStore.notAFile(file) + "; it was left untouched.");
            return null;
        }
        if (before != null && before.version().equals(stamp.get())) {
            return before;
        }
        Entry now;
        try {
            now = new Entry(stamp.get(), Optional.of(ConversationInfo.of(read.apply(file), file)));
        } catch (ConversationStoreException e) {
            LOG.warn(e.getMessage()); // once per version of the file (and start), not at every listing
            now = new Entry(stamp.get(), Optional.empty());
        }
        known.put(name, now);
        return now;
    }

    /** Whether {@code entry} is one the index keeps: a readable file's row. */
    private static boolean kept(Entry entry) {
        return entry != null && entry.row().isPresent();
    }

    /**
     * {@link FileVersion} of a regular file of its own, with its permissions where the file system has
     * them: chmod changes none of the version, and a file made unreadable (or readable again) must be read
     * again, not listed from its kept row. Empty for anything else.
     */
    private static Optional<String> stamp(Path file) {
        try {
            BasicFileAttributes attributes = attributes(file);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            String version = FileVersion.of(attributes);
            return Optional.of(attributes instanceof PosixFileAttributes posix
                    ? version + " " + PosixFilePermissions.toString(posix.permissions()) : version);
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException notPosix) { // Windows: rights are no mode there
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
    }
}
