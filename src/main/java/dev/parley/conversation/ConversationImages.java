package dev.parley.conversation;

import dev.parley.image.ImageException;
import dev.parley.image.ImagePreparer;
import dev.parley.image.ImageType;
import dev.parley.image.TurnImage;
import dev.parley.storage.AtomicFiles;
import dev.parley.storage.FileErrors;
import dev.parley.storage.OwnFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The pictures of one saved conversation, in a folder beside its file: {@code SLUG.json} keeps its
 * images in {@code SLUG.images/}, each under its content name ({@link TurnImage#fileName()}), which
 * the turns refer to. No slug has a dot, so that folder never is another conversation's.
 *
 * <p>Images are written before the conversation file that names them, so a crash leaves at most an
 * unreferenced picture, never a reference to a missing one; pictures no turn names any more (the
 * conversation was cleared, a turn taken back) are removed after the conversation file is saved.
 */
final class ConversationImages {

    private static final Logger LOG = LogManager.getLogger(ConversationImages.class);
    static final String SUFFIX = ".images";
    /** What {@link TurnImage#fileName()} gives: nothing else is read from or deleted in the folder. */
    private static final Pattern CONTENT_NAME = Pattern.compile("[0-9a-f]{24}\\.(png|jpg|gif|webp)");

    private final Path folder;

    ConversationImages(Path folder) {
        this.folder = folder;
    }

    static ConversationImages beside(Path conversationFile) {
        String fileName = conversationFile.getFileName().toString();
        String slug = fileName.substring(0, fileName.length() - ".json".length());
        return new ConversationImages(conversationFile.resolveSibling(slug + SUFFIX));
    }

    Path folder() {
        return folder;
    }

    Path fileOf(String name) {
        return folder.resolve(name);
    }

    /** Writes the pictures not yet in the folder. */
    void write(Collection<TurnImage> images) throws IOException {
        for (TurnImage image : images) {
            Path file = folder.resolve(image.fileName());
            if (!Files.exists(file)) {
                Files.createDirectories(folder);
                AtomicFiles.write(file, image.bytes());
            }
        }
    }

    /** The picture saved as {@code name}, or empty (with a warning) when it is missing or not one of Parley's. */
    Optional<TurnImage> read(String name) {
        if (!CONTENT_NAME.matcher(name).matches()) {
            LOG.warn("Ignoring the image reference '{}' in {}: not a name Parley gives its images", name, folder);
            return Optional.empty();
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        Path file = folder.resolve(name);
        try {
            // Bounded, and never through a link or into a pipe: read whole, a link to /dev/zero or a huge
            // file put there exhausted the memory (an API ask in that conversation failed with a 500), and
            // a pipe would wait forever. No picture Parley saves comes near the limit.
            TurnImage image = new TurnImage(ImageType.ofExtension(extension).orElseThrow(),
                    OwnFiles.readAtMost(file, ImagePreparer.MAX_BYTES));
            if (!image.fileName().equals(name)) {
                // Its name is its content's hash: a file changed since (cut short by a disk error, edited)
                // would be sent as it is, and a provider would refuse it at every later turn.
                LOG.warn("The image {} of this conversation was changed since it was saved (its content no longer"
                        + " matches its name); the turn is kept without it", file);
                return Optional.empty();
            }
            return Optional.of(image);
        } catch (IOException e) {
            LOG.warn("The image {} of this conversation cannot be read ({}); the turn is kept without it", file,
                    FileErrors.reason(e));
            return Optional.empty();
        }
    }

    /**
     * The picture saved as {@code name} as Parley sends pictures now ({@link ImagePreparer#asSentNow}),
     * for a conversation that goes on; its next save writes the converted picture and removes the old
     * file ({@link #keepOnly}). One that cannot be decoded is left out, as a provider would refuse it.
     */
    Optional<TurnImage> readToSend(String name) {
        return read(name).flatMap(saved -> {
            Path file = folder.resolve(name);
            try {
                return Optional.of(ImagePreparer.asSentNow(saved, file.toString()));
            } catch (ImageException e) { // damaged: a provider would refuse it at every later turn
                LOG.warn("The image {} of this conversation cannot be sent ({}); the turn goes on without it", file,
                        e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** Removes the pictures none of {@code kept} names, and the folder once it is empty. */
    void keepOnly(Set<String> kept) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (CONTENT_NAME.matcher(name).matches() && !kept.contains(name)) {
                    Files.deleteIfExists(file);
                }
            }
            if (kept.isEmpty()) {
                deleteFolderIfEmpty();
            }
        } catch (IOException e) {
            LOG.debug("Could not remove unused images in {}: {}", folder, e.getMessage());
        }
    }

    /** Moves every picture into {@code other}'s folder (a rename); pictures already there stay. */
    void moveTo(ConversationImages other) throws IOException {
        if (!Files.isDirectory(folder) || folder.equals(other.folder)) {
            return;
        }
        Files.createDirectories(other.folder);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Path target = other.folder.resolve(file.getFileName());
                if (Files.exists(target)) {
                    Files.delete(file);
                } else {
                    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
        deleteFolderIfEmpty();
    }

    /** Removes the folder and Parley's pictures in it (a deleted conversation). */
    void deleteAll() throws IOException {
        keepOnly(Set.of());
    }

    private void deleteFolderIfEmpty() throws IOException {
        try (Stream<Path> left = Files.list(folder)) {
            if (left.findAny().isEmpty()) {
                Files.delete(folder);
            }
        }
    }

    static Set<String> namesIn(Collection<Turn> turns) {
        return turns.stream().flatMap(turn -> turn.images().stream()).map(TurnImage::fileName)
                .collect(Collectors.toSet());
    }
}
