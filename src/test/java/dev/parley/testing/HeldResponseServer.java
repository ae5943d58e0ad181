package dev.parley.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A provider that accepts each request and never sends a byte of its response: an LLM server still
 * loading its model, or stuck. It reads whatever its clients send until they close, so it knows how
 * many connections a client still holds open ({@link #awaitAllClosed}).
 */
public final class HeldResponseServer implements AutoCloseable {

    private final ServerSocket server;
    /** Connections accepted and not yet closed by their client; guarded by {@code this}. */
    private int open;
    private int accepted;

    public HeldResponseServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("held-response-accept").start(this::acceptAll);
    }

    /** {@code path}: the API's base path, such as {@code /v1}. */
    public String baseUrl(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                synchronized (this) {
                    open++;
                    accepted++;
                    notifyAll();
                }
                Thread.ofVirtual().name("held-response").start(() -> holdUntilClosed(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void holdUntilClosed(Socket socket) {
        try (socket; InputStream in = socket.getInputStream()) {
            while (in.read(new byte[8192]) >= 0) {
                // the request is read and never answered
            }
        } catch (IOException reset) {
            // closed by the client all the same
        } finally {
            synchronized (this) {
                open--;
                notifyAll();
            }
        }
    }

    /** Waits until {@code count} connections were made in all; whether they were within {@code timeout}. */
    public synchronized boolean awaitAccepted(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (accepted < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Waits until every client has closed its connection; whether they did within {@code timeout}. */
    public synchronized boolean awaitAllClosed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (open > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
