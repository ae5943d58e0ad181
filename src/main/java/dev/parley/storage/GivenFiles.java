package dev.parley.storage;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files the user names on the command line: one to read (a config, a picture, a recording) and one to
 * write (a WAV, an export). A regular file is read as it is and replaced whole ({@link AtomicFiles});
 * anything else, a named pipe, {@code /dev/stdout}, a process substitution's {@code /dev/fd/63} or a
 * link, is read or written through, never replaced: renaming a file over {@code /dev/stdout} replaced
 * the link itself (for root; for anyone else it failed in the folder {@code /dev}). Standard output and
 * error ({@code /dev/stdout}) are written through the stream Parley was given, never opened again by
 * their path, which would truncate the file behind them: what {@code >>} appends to, or, with the stream
 * closed, a file the JVM opened itself.
 *
 * <p>Opening a named pipe waits, in the kernel, until its other end is opened too: a pipe nobody
 * opened kept Parley silent for ever. That end is waited for {@link #OTHER_END_WAIT}, then the pipe is
 * refused with a sentence saying so, and the open still waiting is released.
 */
public final class GivenFiles {

    /** Long enough for a program started alongside (a process substitution, a shell pipeline) to open its end. */
    public static final Duration OTHER_END_WAIT = Duration.ofSeconds(10);

    /** Opens a stream on a file or pipe (a Supplier may not throw IOException). */
    private interface Opener<T> {
        T open() throws IOException;
    }

    /** A descriptor of process {@code group(1)} as the kernel lists it. */
    private static final Pattern OWN_DESCRIPTOR = Pattern.compile("/proc/(\\d+)/fd/(\\d+)");
    private static final int MAX_LINKS = 40;
    /** open(2)'s O_ACCMODE and O_RDONLY, as /proc/self/fdinfo shows a descriptor's flags (octal). */
    private static final int ACCESS_MODE = 3;
    private static final int READ_ONLY = 0;
    /** stat(2)'s S_IFMT and S_IFIFO, as the "unix:mode" attribute holds them. */
    private static final int FILE_TYPE = 0170000;
    private static final int NAMED_PIPE = 0010000;
    /** How long a released open may take to return: at once, as the kernel wakes it. */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(5);

    private GivenFiles() {}

    /** {@code file} open for reading; a pipe nothing opened for writing within {@link #OTHER_END_WAIT} is refused. */
    public static InputStream open(Path file) throws IOException {
        return open(file, OTHER_END_WAIT);
    }

    static InputStream open(Path file, Duration wait) throws IOException {
        if (Files.isRegularFile(file) || !Files.exists(file)) {
            return Files.newInputStream(file); // a missing file fails at once, with the JDK's own exception
        }
        return waitingForTheOtherEnd(file, wait, () -> Files.newInputStream(file), "write into it");
    }

    /**
     * Writes {@code bytes} as {@code file}: a regular file (or none yet) replaced whole; a link, pipe or
     * device written into, once a pipe's reader opened it within {@link #OTHER_END_WAIT}.
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, bytes, OTHER_END_WAIT);
    }

    static void write(Path file, byte[] bytes, Duration wait) throws IOException {
        if (!Files.isSymbolicLink(file) && (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !Files.exists(file))) {
            AtomicFiles.write(file, bytes);
            return;
        }
        int descriptor = ownDescriptor(file);
        if (descriptor == 1 || descriptor == 2) {
            writeStandard(file, descriptor, bytes);
            return;
        }
        if (descriptor > 2 && Files.isRegularFile(file)) {
            throw new FileSystemException(file.toString(), null, "it is Parley's own descriptor " + descriptor
                    + ", and the file behind it may be one Parley opened itself; give that file's path instead");
        }
        Opener<OutputStream> opener = () -> Files.newOutputStream(file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try (OutputStream out = Files.isRegularFile(file) ? opener.open()
                : waitingForTheOtherEnd(file, wait, opener, "read from it")) {
            out.write(bytes);
        }
    }

    /**
     * Which of this process's own descriptors {@code file} names ({@code /dev/stdout}, {@code /dev/fd/N},
     * {@code /proc/self/fd/N}, through any links), or -1. Opened again by its path, such a descriptor's
     * file would be truncated, and it may not be the one the user meant: with standard output closed
     * ({@code >&-}) descriptor 1 is the first file the JVM opened, its own lib/modules.
     */
    static int ownDescriptor(Path file) {
        Path at = file.toAbsolutePath();
        try {
            for (int links = 0; links < MAX_LINKS; links++) {
                Path parent = at.getParent();
                if (parent != null && Files.isDirectory(parent)) {
                    Matcher descriptor = OWN_DESCRIPTOR.matcher(parent.toRealPath().resolve(at.getFileName()).toString());
                    if (descriptor.matches() && Long.parseLong(descriptor.group(1)) == ProcessHandle.current().pid()) {
                        return Integer.parseInt(descriptor.group(2));
                    }
                }
                if (!Files.isSymbolicLink(at)) {
                    return -1;
                }
                at = at.resolveSibling(Files.readSymbolicLink(at));
            }
        } catch (IOException | RuntimeException unreadable) {
            return -1; // not a descriptor path this code can follow: written as any other file
        }
        return -1;
    }

    /**
     * Writes through standard output or error itself, not its path opened again: a file the shell opened
     * with {@code >>} keeps what it held, and a stream that was closed is refused, not truncated.
     */
    private static void writeStandard(Path file, int descriptor, byte[] bytes) throws IOException {
        if (!openForWriting(descriptor)) {
            throw new FileSystemException(file.toString(), null, "Parley's " + (descriptor == 1 ? "standard output"
                    : "standard error") + " is closed or not open for writing; redirect it to a file or a program,"
                    + " or give a file");
        }
        System.out.flush();
        System.err.flush();
        // Not closed: that would close the stream for the rest of the run.
        new FileOutputStream(descriptor == 1 ? FileDescriptor.out : FileDescriptor.err).write(bytes);
    }

    /** Whether the kernel lists {@code descriptor} as open for writing ({@code /proc/self/fdinfo}). */
    private static boolean openForWriting(int descriptor) throws IOException {
        Path info = Path.of("/proc/self/fdinfo/" + descriptor);
        if (!Files.exists(info)) {
            return false;
        }
        for (String line : Files.readAllLines(info)) {
            if (line.startsWith("flags:")) {
                return (Integer.parseInt(line.substring("flags:".length()).strip(), 8) & ACCESS_MODE) != READ_ONLY;
            }
        }
        return true;
    }

    private static <T extends AutoCloseable> T waitingForTheOtherEnd(Path file, Duration wait, Opener<T> opener,
            String otherEnd) throws IOException {
        CompletableFuture<T> opened = new CompletableFuture<>();
        // A thread of its own: the open cannot be interrupted. Daemon, so it never holds the process open;
        // what it opens once the wait is given up is closed, and a wait given up releases it (release).
        Thread opening = Thread.ofPlatform().daemon().name("parley-open-" + file.getFileName()).start(() -> {
            try {
                T stream = opener.open();
                if (!opened.complete(stream)) {
                    stream.close();
                }
            } catch (Exception e) {
                opened.completeExceptionally(e);
            }
        });
        try {
            return opened.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (!opened.cancel(false)) {
                return opened(opened); // opened just now
            }
            release(file, opening);
            throw new FileSystemException(file.toString(), null, "nothing opened this pipe to " + otherEnd
                    + " within " + wait.toSeconds() + " s; start the program at its other end first, or give a file");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (!opened.cancel(false)) {
                return opened(opened);
            }
            release(file, opening);
            throw new InterruptedIOException("interrupted while waiting for the other end of " + file);
        }
    }

    /**
     * Ends the open left waiting on {@code opening} after the wait was given up: without this the thread
     * stayed blocked in the kernel for the rest of the run (one more per refused pipe, in a long-running
     * chat or serve). Parley opens the pipe's other end itself, for reading and writing at once, which on
     * a named pipe never blocks and counts as either end; the waiting open returns, its stream is closed
     * as unwanted, and so is this one. Other special files (devices) are left alone: opening them may
     * have effects.
     */
    private static void release(Path file, Thread opening) {
        boolean interrupted = Thread.interrupted(); // the join below must wait even for an interrupted caller
        try {
            if (!isNamedPipe(file)) {
                return;
            }
            try (FileChannel bothEnds = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                opening.join(RELEASE_WAIT);
            } catch (IOException | RuntimeException cannotOpen) {
                // Not ours to open (permissions, a pipe removed meanwhile): the thread waits on, as a daemon.
            } catch (InterruptedException e) {
                interrupted = true;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean isNamedPipe(Path file) {
        try {
            return ((Integer) Files.getAttribute(file, "unix:mode") & FILE_TYPE) == NAMED_PIPE;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException notUnix) {
            // No "unix" view (another system), or the file gone: not a pipe Parley can release.
            return false;
        }
    }

    /** What a finished open gave. */
    private static <T> T opened(CompletableFuture<T> done) throws IOException {
        if (done.state() == Future.State.SUCCESS) {
            return done.resultNow();
        }
        Throwable cause = done.exceptionNow();
        throw cause instanceof IOException io ? io : new IOException(cause);
    }
}
