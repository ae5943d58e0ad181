package dev.parley.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens a file the user names to be read (a config, a picture, a recording): a regular file as it is;
 * anything else (a named pipe, {@code /dev/stdin}, a process substitution's {@code /dev/fd/63}) only
 * once something writes to it. Opening a named pipe waits, in the kernel, until a writer opens it: a
 * pipe nothing writes to kept {@code parley ask --config PIPE} silent for ever. It is refused after
 * {@link #WRITER_WAIT} with a sentence saying so.
 */
public final class InputFiles {

    /** Long enough for a program started alongside (a process substitution, a shell pipeline) to open its end. */
    public static final Duration WRITER_WAIT = Duration.ofSeconds(10);

    private InputFiles() {}

    /** {@code file} open for reading; a pipe or device nothing opened for writing within {@link #WRITER_WAIT} is refused. */
    public static InputStream open(Path file) throws IOException {
        return open(file, WRITER_WAIT);
    }

    static InputStream open(Path file, Duration writerWait) throws IOException {
        if (Files.isRegularFile(file) || !Files.exists(file)) {
            return Files.newInputStream(file); // a missing file fails at once, with the JDK's own exception
        }
        CompletableFuture<InputStream> opened = new CompletableFuture<>();
        // A thread of its own: the open cannot be interrupted, so a pipe that never gets a writer keeps it.
        // Daemon, so it never holds the process open; a stream it opens once the wait is given up is closed.
        Thread.ofPlatform().daemon().name("parley-open-" + file.getFileName()).start(() -> {
            try {
                InputStream in = Files.newInputStream(file);
                if (!opened.complete(in)) {
                    in.close();
                }
            } catch (IOException e) {
                opened.completeExceptionally(e);
            }
        });
        try {
            return opened.get(writerWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (!opened.cancel(false)) {
                return opened(opened); // opened just now
            }
            throw new FileSystemException(file.toString(), null, "nothing opened this pipe to write into it within "
                    + writerWait.toSeconds() + " s; start the program that writes to it first, or give a file");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (!opened.cancel(false)) {
                return opened(opened);
            }
            throw new InterruptedIOException("interrupted while waiting for something to write to " + file);
        }
    }

    /** What a finished open gave. */
    private static InputStream opened(CompletableFuture<InputStream> done) throws IOException {
        try {
            return done.resultNow();
        } catch (IllegalStateException failed) {
            Throwable cause = done.exceptionNow();
            throw cause instanceof IOException io ? io : new IOException(cause);
        }
    }
}
