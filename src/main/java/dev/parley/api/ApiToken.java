package dev.parley.api;

import dev.parley.ParleyException;
import dev.parley.storage.AtomicFiles;
import dev.parley.storage.FileErrors;
import dev.parley.storage.OwnFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The secret every API request carries as {@code Authorization: Bearer TOKEN}. It lives in a file only
 * the user can read, so any program of the user can call Parley and no other user or web page can.
 * Made once (256 random bits) and kept across starts, so scripts need not re-read it.
 */
public final class ApiToken {

    private static final int BYTES = 32;
    /** Far more than a token and its line break: a larger file there is not one Parley wrote. */
    private static final int MAX_FILE_BYTES = 4096;

    private final Path file;
    private final byte[] value;

    private ApiToken(Path file, String value) {
        this.file = file;
        this.value = value.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The user's token, kept in {@code api-token} of the data folder: {@code parley serve} and the
     * window serve with the same one, so a script works with either.
     */
    public static ApiToken forUser(dev.parley.config.ParleyPaths paths) {
        return loadOrCreate(fileFor(paths));
    }

    /** Where {@link #forUser} keeps the token (for saying where it is without reading it). */
    public static Path fileFor(dev.parley.config.ParleyPaths paths) {
        return paths.dataDir().resolve("api-token");
    }

    /**
     * Reads the token from {@code file}, creating it (mode 0600) if it is missing or empty. A link or
     * anything but a regular file there is refused: followed, another file's content became the token
     * and that file was made 0600.
     *
     * @throws ParleyException when something other than a regular file is there, or the file cannot be
     *     made (a full disk, a folder the user may not write), saying what to do
     */
    public static ApiToken loadOrCreate(Path file) {
        try {
            String existing = readIfThere(file);
            if (existing.length() >= BYTES) {
                restrict(file);
                return new ApiToken(file, existing);
            }
            byte[] random = new byte[BYTES];
            new SecureRandom().nextBytes(random);
            String token = HexFormat.of().formatHex(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, (token + "\n").getBytes(StandardCharsets.US_ASCII));
            restrict(file);
            return new ApiToken(file, token);
        } catch (IOException e) {
            // A full disk or a folder the user may not write is theirs to fix, not a bug of Parley's.
            String remedy = FileErrors.remedy(e, file.toAbsolutePath().getParent());
            throw new ParleyException("Cannot create the API token file " + file + " (" + FileErrors.reason(e) + ")."
                    + (remedy.isEmpty() ? "" : " " + remedy), e);
        }
    }

    /**
     * The token in {@code file} for a client ({@code parley events}), read as {@link #loadOrCreate} reads
     * it but never made: empty when the file is missing or holds no token.
     *
     * @throws ParleyException when something other than a regular file is there, or it cannot be read
     */
    public static Optional<String> existing(Path file) {
        try {
            String token = readIfThere(file);
            return token.length() >= BYTES ? Optional.of(token) : Optional.empty();
        } catch (IOException e) {
            throw new ParleyException("Cannot read the API token in " + file + " (" + FileErrors.reason(e) + ").", e);
        }
    }

    /** The file's token, or "" when nothing is there yet; never read through a link. */
    private static String readIfThere(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return "";
        }
        try {
            return new String(OwnFiles.readAtMost(file, MAX_FILE_BYTES), StandardCharsets.US_ASCII).strip();
        } catch (OwnFiles.NotAFileException e) {
            throw new ParleyException("Parley keeps its API token in " + file + ", but " + FileErrors.reason(e)
                    + "; Parley then makes a new token there.", e);
        }
    }

    /** Owner read/write only, where the file system knows POSIX modes (on Windows the profile folder is private). */
    private static void restrict(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    public Path file() {
        return file;
    }

    /** The token itself, for clients in the same process (tests); never log or return it. */
    public String value() {
        return new String(value, StandardCharsets.US_ASCII);
    }

    /** Constant time, so the response time does not tell an attacker how much of a guess was right. */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(value, candidate.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
