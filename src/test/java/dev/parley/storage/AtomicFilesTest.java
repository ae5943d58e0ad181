package dev.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void replacesTheFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = folder.resolve("kitchen.json");
        AtomicFiles.write(file, "old".getBytes(StandardCharsets.UTF_8));

        AtomicFiles.write(file, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(file)).isEqualTo("new");
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    /** A stopped turn's thread is interrupted, and its answer is saved on that thread. */
    @Test
    void aThreadThatWasInterruptedStillWritesAndStaysInterrupted() throws Exception {
        Path file = folder.resolve("stopped.json");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread turn = Thread.ofPlatform().unstarted(() -> {
            Thread.currentThread().interrupt(); // the stop
            try {
                AtomicFiles.write(file, "the answer so far".getBytes(StandardCharsets.UTF_8));
            } catch (Throwable e) {
                failure.set(e);
            }
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        turn.start();
        turn.join();

        assertThat(failure.get()).isNull();
        assertThat(Files.readString(file)).isEqualTo("the answer so far");
        assertThat(stillInterrupted).as("the stop is still seen by the turn").isTrue();
    }
}
