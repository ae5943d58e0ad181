package dev.parley.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Which version of a file is there, told without reading it: its size, modification time (to the file
 * system's precision) and identity. A write changes the first two; a save that renames a new file over
 * the old one changes the identity even within the time's precision. Parley re-reads a file it keeps
 * in memory (the memory facts, the conversation rows, config.yaml) only when this changed.
 */
public final class FileVersion {

    private FileVersion() {}

    /** The version of the file {@code attributes} were read from. */
    public static String of(BasicFileAttributes attributes) {
        return attributes.size() + "@" + attributes.lastModifiedTime() + "#" + attributes.fileKey();
    }

    /** The version of {@code file} (through links unless {@code options} say not); empty when it is not there. */
    public static Optional<String> of(Path file, LinkOption... options) {
        try {
            return Optional.of(of(Files.readAttributes(file, BasicFileAttributes.class, options)));
        } catch (IOException | SecurityException gone) {
            return Optional.empty();
        }
    }
}
