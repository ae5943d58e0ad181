package dev.parley.storage;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps what Parley stores for the user readable by the user alone: folders 0700, files 0600. The
 * conversations, memories, usage, logs and the API token say a lot about a person, and a shared
 * machine's umask (usually 022) would make them readable by every account. On file systems without
 * POSIX permissions (Windows) the per-user folders are private already, so this does nothing there.
 */
public final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /**
     * Creates {@code folder} and its missing parents, each of them 0700. Folders that existed are
     * left as they are: they may be shared on purpose, like ~/Documents for an export.
     */
    public static void createFolder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        Path firstMissing = null;
        for (Path path = absolute; path != null && !Files.exists(path); path = path.getParent()) {
            firstMissing = path;
        }
        Files.createDirectories(absolute);
        if (POSIX && firstMissing != null) {
            for (Path made = absolute; made != null && made.startsWith(firstMissing); made = made.getParent()) {
                Files.setPosixFilePermissions(made, FOLDER);
            }
        }
    }

    /** Makes an existing file readable and writable by its owner alone. */
    public static void ownerOnly(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /**
     * The attributes that create a file readable and writable by its owner alone, so it is never open
     * to others, not even between its creation and an {@link #ownerOnly}; none where POSIX rights do not exist.
     */
    public static FileAttribute<?>[] ownerOnlyAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /**
     * Parley's own folders (config, data, logs): created private, and made private if an older
     * version left them open. A folder whose rights cannot be changed (not the user's) is reported,
     * not fatal; one already private is left alone, so a read-only mount is no news.
     *
     * @return the folders that could not be made at all (a file in the way, a read-only parent), each
     *     with the reason, for the caller to say what that costs
     */
    public static Map<Path, String> secure(Path... folders) {
        Map<Path, String> unusable = new LinkedHashMap<>();
        for (Path folder : folders) {
            try {
                createFolder(folder);
            } catch (IOException | SecurityException e) {
                unusable.put(folder, Files.exists(folder) ? "a file of that name is in the way"
                        : e instanceof IOException io ? FileErrors.reason(io) : e.getMessage());
                continue;
            }
            try {
                if (POSIX && !Files.getPosixFilePermissions(folder).equals(FOLDER)) {
                    Files.setPosixFilePermissions(folder.toAbsolutePath(), FOLDER);
                }
            } catch (IOException | SecurityException e) {
                String reason = e instanceof IOException io ? FileErrors.reason(io) : e.getMessage();
                System.err.println("parley: cannot make " + folder + " private (" + reason + "); other"
                        + " accounts on this computer may be able to read it.");
            }
        }
        return unusable;
    }
}
