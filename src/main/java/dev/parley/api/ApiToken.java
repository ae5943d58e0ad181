package dev.parley.api;

import dev.parley.storage.AtomicFiles;
import dev.parley.storage.FileErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret every API request carries as {@code Authorization: Bearer TOKEN}. It lives in a file only
 * the user can read, so any program of the user can call Parley and no other user or web page can.
 * Made once (256 random bits) and kept across starts, so scripts need not re-read it.
 */
public final class ApiToken {

    private static final int BYTES = 32;

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

    /** Reads the token from {@code file}, creating it (mode 0600) if it is missing or empty. */
    public static ApiToken loadOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String existing = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (existing.length() >= BYTES) {
                    restrict(file);
                    return new ApiToken(file, existing);
                }
            }
            byte[] random = new byte[BYTES];
            new SecureRandom().nextBytes(random);
            String token = HexFormat.of().formatHex(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, (token + "\n").getBytes(StandardCharsets.US_ASCII));
            restrict(file);
            return new ApiToken(file, token);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the API token file " + file + ": " + FileErrors.reason(e), e);
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
