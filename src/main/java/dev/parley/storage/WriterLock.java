package dev.parley.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
     * <p>An interrupted thread still writes, and stays interrupted afterwards: a turn is cancelled by
     * interrupting its thread (barge-in, output nobody reads), and what it did (its usage, a remembered
     * fact) must still be recorded. The wait is bounded, and the file channels the work opens would
     * fail at once on an interrupted thread.
     *
     * @throws BusyException when the wait ran out
     */
    public static <T> T holding(Path file, Duration wait, Work<T> work) throws IOException {
        AtomicBoolean interrupted = new AtomicBoolean(Thread.interrupted());
        try {
            return holdingUninterrupted(file, wait, work, interrupted);
        } finally {
            if (interrupted.get()) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static <T> T holdingUninterrupted(Path file, Duration wait, Work<T> work, AtomicBoolean interrupted)
            throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path lockFile = absolute.resolveSibling("." + absolute.getFileName() + ".lock");
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, path -> new ReentrantLock());
        long deadline = System.nanoTime() + wait.toNanos();
        if (!lockLocally(local, deadline, interrupted)) {
            throw busy(absolute, wait);
        }
        try {
            if (local.getHoldCount() > 1) {
                return work.run(); // this thread holds the OS lock already, further up
            }
            PrivateFiles.createFolder(lockFile.getParent());
            // A link planted as the lock file is refused rather than followed (OwnFiles says why).
            try (FileChannel channel = OwnFiles.openForWriting(lockFile)) {
                FileLock lock = acquire(channel, deadline, absolute, wait, interrupted);
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

    private static boolean lockLocally(ReentrantLock local, long deadline, AtomicBoolean interrupted) {
        while (true) {
            try {
                return local.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted.set(true); // kept for the caller; the wait goes on to its deadline
            }
        }
    }

    private static FileLock acquire(FileChannel channel, long deadline, Path file, Duration wait,
            AtomicBoolean interrupted) throws IOException {
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
                interrupted.set(true);
            }
        }
    }

    private static BusyException busy(Path file, Duration wait) {
        return new BusyException("another Parley has been writing " + file + " for more than " + wait.toSeconds()
                + " s; try again in a moment, or close the other Parley (a window, 'chat' or 'serve')");
    }
}
