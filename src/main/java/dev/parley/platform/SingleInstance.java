package dev.parley.platform;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import dev.parley.storage.PrivateFiles;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One window per data folder. A second window would hold the microphone and the talk keys beside the
 * first, so starting Parley again brings the running window forward instead, as desktop apps do.
 *
 * <p>The first window holds an OS lock on {@code window.lock} (released by the system however the
 * process ends, {@code kill -9} too) and listens on the Unix socket {@code window.sock} beside it,
 * which only the user can open (the folder is 0700, the socket 0600). The only request is
 * {@value #SHOW}; anything else, or more than a few bytes, is ignored.
 */
public final class SingleInstance implements AutoCloseable {

    static final String SHOW = "show";
    private static final int MAX_REQUEST = 16;
    /** Requests read at once; a start sends one and closes, so more are only clients saying nothing. */
    private static final int MAX_CLIENTS = 4;
    private static final long READ_WAIT_MILLIS = 1000;
    /** How long a second start waits for the window to answer: it may be starting, or quitting (saving). */
    private static final long CONNECT_WAIT_MILLIS = 10_000;
    private static final String SHOWN = "ok";

    private final FileChannel lockFile;
    private final FileLock lock;
    private final Path socket;
    /** Set once the socket is bound, off the start-up's path; null before, or where it cannot be made. */
    private ServerSocketChannel server;
    /** Set by {@link #stopListening}; read unlocked only to keep a quitting window's log quiet. */
    private volatile boolean closed;

    private SingleInstance(FileChannel lockFile, FileLock lock, Path socket) {
        this.lockFile = lockFile;
        this.lock = lock;
        this.socket = socket;
    }

    /** What {@link #claim} found. */
    public sealed interface Claim {
        /** This process has the window; close it when the window closes. */
        record First(SingleInstance instance) implements Claim {}

        /** Another window runs; {@code broughtForward} whether it was asked to come forward. */
        record AlreadyRunning(boolean broughtForward) implements Claim {}

        /** The lock could not be tried (the data folder cannot be written): {@code why}. */
        record Unknown(String why) implements Claim {}
    }

    /**
     * Becomes the one window of {@code folder}, calling {@code showRequested} (on a thread of its own)
     * whenever another start asks; or, when a window already runs there, asks it to come forward.
     */
    public static Claim claim(Path folder, Runnable showRequested) {
        try {
            return lockOrAsk(folder, showRequested);
        } catch (IOException e) {
            return new Claim.Unknown(e.getMessage());
        }
    }

    private static Claim lockOrAsk(Path folder, Runnable showRequested) throws IOException {
        PrivateFiles.createFolder(folder);
        Path socket = folder.resolve("window.sock");
        long deadline = System.currentTimeMillis() + CONNECT_WAIT_MILLIS;
        FileChannel lockFile;
        FileLock lock;
        // The lock again at every try: a window that is quitting stops answering first and lets the lock
        // go a moment later, and then this start is the window.
        while (true) {
            lockFile = FileChannel.open(folder.resolve("window.lock"),
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), PrivateFiles.ownerOnlyAttributes());
            lock = tryLock(lockFile);
            if (lock != null) {
                break;
            }
            lockFile.close();
            if (askedToShow(socket)) {
                return new Claim.AlreadyRunning(true);
            }
            if (System.currentTimeMillis() > deadline || !pause()) {
                log().warn("The running window could not be asked to come forward");
                return new Claim.AlreadyRunning(false);
            }
        }
        SingleInstance instance = new SingleInstance(lockFile, lock, socket);
        // Binding the first Unix socket of the process takes ~90 ms (NIO's start), which the window's start
        // need not wait for: a second start waits for the socket to appear.
        Thread.ofPlatform().daemon().name("parley-single-instance").start(() -> instance.listen(showRequested));
        return new Claim.First(instance);
    }

    /** Binds the socket and serves it; where it cannot be made (a path too long for one), starts say so. */
    private void listen(Runnable showRequested) {
        try {
            Files.deleteIfExists(socket); // left by a window that ended without closing it; the lock says so
            ServerSocketChannel bound = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            synchronized (this) {
                if (closed) { // the window quit before its socket was made
                    bound.close();
                    return;
                }
                server = bound; // from here on stopListening closes it and removes its file
            }
            bound.bind(UnixDomainSocketAddress.of(socket));
            PrivateFiles.ownerOnly(socket);
            Thread.ofVirtual().name("parley-single-instance").start(() -> serve(bound, showRequested));
        } catch (IOException | UnsupportedOperationException e) {
            if (!closed) { // not a window that quit meanwhile: this one will not be found
                log().warn("Another start of Parley cannot bring this window forward ({}): it will say so instead",
                        e.getMessage());
            }
            stopListening(); // a socket bound but not made private is not left open
        }
    }

    private static void serve(ServerSocketChannel server, Runnable showRequested) {
        Semaphore slots = new Semaphore(MAX_CLIENTS);
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                if (!slots.tryAcquire()) { // clients that connect and say nothing: no more are kept open
                    client.close();
                    continue;
                }
                // Each on its own thread: one that connects and sends nothing holds only its own slot.
                Thread.ofVirtual().name("parley-single-instance-request").start(() -> {
                    try {
                        answer(client, showRequested);
                    } finally {
                        slots.release();
                    }
                });
            } catch (IOException e) {
                if (server.isOpen()) { // out of file handles, say: not in a tight loop
                    log().debug("Accepting a request to the window failed: {}", e.getMessage());
                    pause();
                }
            }
        }
    }

    /**
     * Reads at most a few bytes for at most {@link #READ_WAIT_MILLIS}: {@value #SHOW} brings the window
     * forward, anything else (or nothing) does nothing.
     */
    private static void answer(SocketChannel client, Runnable showRequested) {
        try (client) {
            if (readLine(client).equals(SHOW)) {
                log().info("Parley was started again: bringing the window forward");
                showRequested.run();
                client.configureBlocking(true);
                client.write(line(SHOWN));
            }
        } catch (IOException e) {
            log().debug("A request to the window failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ByteBuffer line(String text) {
        return ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean endsLine(ByteBuffer request) {
        return request.position() > 0 && request.get(request.position() - 1) == '\n';
    }

    private static FileLock tryLock(FileChannel lockFile) throws IOException {
        try {
            return lockFile.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    /** Whether the window took the request: it answers {@value #SHOWN} (one whose slots are all busy closes at once). */
    private static boolean askedToShow(Path socket) {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(line(SHOW));
            return readLine(channel).equals(SHOWN);
        } catch (IOException e) {
            return false; // not bound yet (the window is starting), or gone (it is quitting)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** At most {@link #MAX_REQUEST} bytes, up to a line's end, the end of the stream or {@link #READ_WAIT_MILLIS}. */
    private static String readLine(SocketChannel channel) throws IOException, InterruptedException {
        channel.configureBlocking(false); // a peer that says nothing is not waited for
        ByteBuffer line = ByteBuffer.allocate(MAX_REQUEST);
        long deadline = System.currentTimeMillis() + READ_WAIT_MILLIS;
        while (line.hasRemaining() && channel.read(line) >= 0 && !endsLine(line)
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        return new String(line.array(), 0, line.position(), StandardCharsets.US_ASCII).strip();
    }

    /** 100 ms between tries; false when interrupted. */
    private static boolean pause() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Not a static logger: the claim runs on the main thread before the window starts, and the first
     * logger configures Log4j (~0.2-0.4 s), which the start-up does on a thread of its own.
     */
    private static Logger log() {
        return LogManager.getLogger(SingleInstance.class);
    }

    /**
     * The window is quitting: requests are no longer taken, so another start does not hear "brought
     * forward" from a window about to go; it takes the window once {@link #close} lets the lock go.
     */
    public synchronized void stopListening() {
        closed = true;
        try {
            if (server != null) {
                server.close();
                Files.deleteIfExists(socket);
            }
        } catch (IOException e) {
            log().debug("Closing the window's socket failed: {}", e.getMessage());
        }
    }

    /** Gives the window up: the socket is removed and the lock released. */
    @Override
    public synchronized void close() {
        stopListening();
        try {
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            log().debug("Releasing the window's lock failed: {}", e.getMessage());
        }
    }
}
