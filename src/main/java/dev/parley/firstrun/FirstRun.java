package dev.parley.firstrun;

import dev.parley.config.ParleyPaths;
import dev.parley.storage.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Whether the welcome is due: until it has been completed (or skipped) once, a marker file in the
 * user's config folder is missing. Deleting the marker brings the welcome back.
 */
public final class FirstRun {

    static final String MARKER = "welcome-done";

    private final Path marker;

    public FirstRun(ParleyPaths paths) {
        this.marker = paths.configDir().resolve(MARKER);
    }

    public boolean isDue() {
        return !Files.exists(marker);
    }

    /** Records that the welcome ran, so it does not show again. */
    public void markDone() {
        try {
            AtomicFiles.write(marker, ("completed " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + marker, e);
        }
    }

    public Path marker() {
        return marker;
    }
}
