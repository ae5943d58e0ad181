package dev.parley.storage;

import java.nio.file.Path;
import java.time.Duration;

/** A second Parley for SharedDataFolderProcessTest: holds a file's writer lock, says so, waits for stdin to end. */
public final class HoldWriterLock {

    private HoldWriterLock() {}

    public static void main(String[] args) throws Exception {
        WriterLock.holding(Path.of(args[0]), Duration.ofSeconds(5), () -> {
            System.out.println("held");
            System.out.flush();
            System.in.read();
            return null;
        });
    }
}
