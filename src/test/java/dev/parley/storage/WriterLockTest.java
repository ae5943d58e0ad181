package dev.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterLockTest {

    @TempDir
    Path folder;

    /**
     * A cancelled turn's thread is interrupted, and its usage must still be recorded: before, the lock's
     * wait (or the work's file channel) failed at once with "interrupted while waiting to write".
     */
    @Test
    void anInterruptedThreadStillWritesAndStaysInterrupted() throws Exception {
        Path ledger = folder.resolve("usage.jsonl");
        boolean[] stillInterrupted = new boolean[1];
        Thread turn = Thread.ofPlatform().start(() -> {
            Thread.currentThread().interrupt(); // as the printer does when nobody reads the answer
            try {
                WriterLock.holding(ledger, Duration.ofSeconds(2), () -> Files.write(ledger,
                        "{\"tokens\":3}\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND));
                // FileChannel is what the ledger and AtomicFiles write through; it fails on an interrupted thread.
                WriterLock.holding(ledger, Duration.ofSeconds(2), () -> {
                    try (var channel = FileChannel.open(ledger, StandardOpenOption.APPEND)) {
                        return channel.write(ByteBuffer.wrap("{\"tokens\":4}\n".getBytes(StandardCharsets.UTF_8)));
                    }
                });
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            stillInterrupted[0] = Thread.currentThread().isInterrupted();
        });
        turn.join();

        assertThat(Files.readAllLines(ledger)).containsExactly("{\"tokens\":3}", "{\"tokens\":4}");
        assertThat(stillInterrupted[0]).as("the cancel is kept for the turn").isTrue();
    }
}
