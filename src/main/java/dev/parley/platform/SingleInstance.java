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
    /** How long a second start waits for the first window's socket: it may be starting itself. */
    private static final long CONNECT_WAIT_MILLIS = 3000;

    private final FileChannel lockFile;
    private final FileLock lock;
    private final Path socket;
    /** Set once the socket is bound, off the start-up's path; null before, or where it cannot be made. */
    private ServerSocketChannel server;
    private boolean closed;

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
    }

    /**
     * Becomes the one window of {@code folder}, calling {@code showRequested} (on a thread of its own)
     * whenever another start asks; or, when a window already runs there, asks it to come forward.
     */
    public static Claim claim(Path folder, Runnable showRequested) throws IOException {
        PrivateFiles.createFolder(folder);
        Path socket = folder.resolve("window.sock");
        FileChannel lockFile = FileChannel.open(folder.resolve("window.lock"),
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), PrivateFiles.ownerOnlyAttributes());
        FileLock lock;
        try {
            lock = lockFile.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            lock = null;
        }
        if (lock == null) {
            lockFile.close();
            return new Claim.AlreadyRunning(askToShow(socket));
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
            bound.bind(UnixDomainSocketAddress.of(socket));
            PrivateFiles.ownerOnly(socket);
            synchronized (this) {
                if (closed) {
                    bound.close();
                    Files.deleteIfExists(socket);
                    return;
                }
                server = bound;
            }
            Thread.ofVirtual().name("parley-single-instance").start(() -> serve(bound, showRequested));
        } catch (IOException | UnsupportedOperationException e) {
            log().warn("Another start of Parley cannot bring this window forward ({}): it will say so instead",
                    e.getMessage());
        }
    }

    private static void serve(ServerSocketChannel server, Runnable showRequested) {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                // Each on its own thread: a client that connects and sends nothing holds only that one.
                Thread.ofVirtual().name("parley-single-instance-request").start(() -> answer(client, showRequested));
            } catch (IOException e) {
                if (server.isOpen()) {
                    log().debug("Accepting a request to the window failed: {}", e.getMessage());
                }
            }
        }
    }

    /** One read of at most a few bytes: {@value #SHOW} brings the window forward, anything else nothing. */
    private static void answer(SocketChannel client, Runnable showRequested) {
        try (client) {
            ByteBuffer request = ByteBuffer.allocate(MAX_REQUEST);
            client.read(request);
            String text = new String(request.array(), 0, request.position(), StandardCharsets.US_ASCII).strip();
            if (text.equals(SHOW)) {
                log().info("Parley was started again: bringing the window forward");
                showRequested.run();
            }
        } catch (IOException e) {
            log().debug("A request to the window failed: {}", e.getMessage());
        }
    }

    private static boolean askToShow(Path socket) {
        long deadline = System.currentTimeMillis() + CONNECT_WAIT_MILLIS;
        while (true) {
            try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                channel.write(ByteBuffer.wrap((SHOW + "\n").getBytes(StandardCharsets.US_ASCII)));
                return true;
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    log().warn("The running window could not be asked to come forward: {}", e.getMessage());
                    return false;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Not a static logger: the claim runs on the main thread before the window starts, and the first
     * logger configures Log4j (~0.2-0.4 s), which the start-up does on a thread of its own.
     */
    private static Logger log() {
        return LogManager.getLogger(SingleInstance.class);
    }

    /** Gives the window up: the socket is removed and the lock released. */
    @Override
    public synchronized void close() {
        closed = true;
        try {
            if (server != null) {
                server.close();
                Files.deleteIfExists(socket);
            }
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            log().debug("Releasing the window's lock failed: {}", e.getMessage());
        }
    }
}
