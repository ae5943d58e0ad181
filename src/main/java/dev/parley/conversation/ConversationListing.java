package dev.parley.conversation;

import dev.parley.storage.FileErrors;
import dev.parley.storage.FileVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * A file counts as changed when its size, modification time or identity (a save renames a new file
 * over the old one) differ.
 */
final class ConversationListing {

    private static final Logger LOG = LogManager.getLogger(ConversationListing.class);

    /** What a file held when it had {@code stamp}: its row, or empty when it was not a readable conversation. */
    private record Known(String stamp, Optional<ConversationInfo> row) {}

    private final Path folder;
    private final Function<Path, ConversationFile> read;
    private final Predicate<Path> conversationFile;
    private final Map<Path, Known> known = new ConcurrentHashMap<>();

    /**
     * {@code read}: the file as a checked conversation, or a {@link ConversationStoreException} saying why not;
     * {@code conversationFile}: which of the folder's entries are conversation files (not temporary files).
     */
    ConversationListing(Path folder, Function<Path, ConversationFile> read, Predicate<Path> conversationFile) {
        this.folder = folder;
        this.read = read;
        this.conversationFile = conversationFile;
    }

    ConversationStore.Listing listing() {
        if (!Files.isDirectory(folder)) {
            known.clear();
            return new ConversationStore.Listing(List.of(), List.of());
        }
        List<ConversationInfo> infos = new ArrayList<>();
        List<Path> unreadable = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(conversationFile::test).sorted().toList()) {
                seen.add(file);
                Optional<ConversationInfo> row = row(file);
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
        known.keySet().retainAll(seen);
        infos.sort(Comparator.comparing(ConversationInfo::updated).reversed());
        return new ConversationStore.Listing(List.copyOf(infos), List.copyOf(unreadable));
    }

    private Optional<ConversationInfo> row(Path file) {
        Optional<String> stamp = stamp(file);
        if (stamp.isEmpty()) { // a folder, a pipe, a link, or gone: never read, never kept
            known.remove(file);
            LOG.warn(ConversationStore.notAFile(file) + "; it was left untouched.");
            return Optional.empty();
        }
        Known before = known.get(file);
        if (before != null && before.stamp().equals(stamp.get())) {
            return before.row();
        }
        Optional<ConversationInfo> row;
        try {
            row = Optional.of(ConversationInfo.of(read.apply(file), file));
        } catch (ConversationStoreException e) {
            LOG.warn(e.getMessage()); // once per version of the file, not at every listing
            row = Optional.empty();
        }
        known.put(file, new Known(stamp.get(), row));
        return row;
    }

    /** {@link FileVersion} of a regular file of its own; empty for anything else. */
    private static Optional<String> stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? Optional.of(FileVersion.of(attributes)) : Optional.empty();
        } catch (IOException gone) {
            return Optional.empty();
        }
    }
}
