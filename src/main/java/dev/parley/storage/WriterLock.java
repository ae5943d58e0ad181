package dev.parley.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer at a time for a file that several Parleys share (a window and a {@code chat} on the
 * same data folder): the memory file, the usage ledger, config.yaml. A writer reads the file, changes
 * it and writes it back while holding the lock, so two processes never save over each other's
 * change. The lock is the operating system's lock on a hidden {@code .NAME.lock} beside the file, so
 * a process that crashes or is killed lets go with it; threads of one process queue on an in-process
 * lock first, because the OS lock belongs to the whole process. A writer waits a bounded time and is
 * then told, in words, that another Parley holds the file.
 */
public final class WriterLock {

    /** What runs while the lock is held. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws IOException;
    }

    /** Thrown when the file stayed locked by another Parley for the whole wait. */
    public static final class BusyException extends IOException {
        BusyException(String message) {
            super(message);
        }
    }

    private static final long POLL_MILLIS = 20;
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private WriterLock() {}

    /**
     * Runs {@code work} holding the lock of {@code file}, waiting at most {@code wait} for another
     * process or thread to let go. A thread already holding it (a nested call) just runs.
     *
     * @throws BusyException when the wait ran out
     */
    public static <T> T holding(Path file, Duration wait, Work<T> work) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path lockFile = absolute.resolveSibling("." + absolute.getFileName() + ".lock");
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, path -> new ReentrantLock());
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            if (!local.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(absolute, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to write " + absolute);
        }
        try {
            if (local.getHoldCount() > 1) {
                return work.run(); // this thread holds the OS lock already, further up
            }
            PrivateFiles.createFolder(lockFile.getParent());
            boolean created = !Files.exists(lockFile);
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                if (created) {
                    PrivateFiles.ownerOnly(lockFile);
                }
                FileLock lock = acquire(channel, deadline, absolute, wait);
                try {
                    return work.run();
                } finally {
                    lock.release();
                }
            }
        } finally {
            local.unlock();
        }
    }

    private static FileLock acquire(FileChannel channel, long deadline, Path file, Duration wait) throws IOException {
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() >= deadline) {
                throw busy(file, wait);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting to write " + file);
            }
        }
    }

    private static BusyException busy(Path file, Duration wait) {
        return new BusyException("another Parley has been writing " + file + " for more than " + wait.toSeconds()
                + " s; try again in a moment, or close the other Parley (a window, 'chat' or 'serve')");
    }
}
