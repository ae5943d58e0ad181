package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One window per data folder: a second start brings the first forward, over a socket only the user opens. */
class SingleInstanceTest {

    @TempDir
    Path folder;

    private final Semaphore shown = new Semaphore(0);

    @Test
    void aSecondStartBringsTheFirstWindowForwardInsteadOfOpeningAnother() throws Exception {
        SingleInstance.Claim first = SingleInstance.claim(folder, shown::release);
        assertThat(first).isInstanceOf(SingleInstance.Claim.First.class);

        SingleInstance.Claim second = SingleInstance.claim(folder, () -> { });

        assertThat(second).isEqualTo(new SingleInstance.Claim.AlreadyRunning(true));
        assertThat(shown.tryAcquire(5, TimeUnit.SECONDS)).as("the first window was asked to show").isTrue();
        assertThat(Files.getPosixFilePermissions(folder.resolve("window.sock")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(folder.resolve("window.lock")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        ((SingleInstance.Claim.First) first).instance().close();
    }

    /** A data folder that cannot be made: the start says it cannot tell, and the window opens anyway. */
    @Test
    void aFolderThatCannotBeMadeLeavesItUnknown() throws Exception {
        Path file = Files.writeString(folder.resolve("not-a-folder"), "a file where the data folder should be");

        SingleInstance.Claim claim = SingleInstance.claim(file.resolve("parley"), () -> { });

        assertThat(claim).isInstanceOf(SingleInstance.Claim.Unknown.class);
    }

    @Test
    void onceTheWindowClosedTheNextStartOpensOne() throws Exception {
        ((SingleInstance.Claim.First) SingleInstance.claim(folder, () -> { })).instance().close();
        Files.writeString(folder.resolve("window.sock"), "left by a window killed with -9");

        SingleInstance.Claim next = SingleInstance.claim(folder, shown::release);

        assertThat(next).isInstanceOf(SingleInstance.Claim.First.class);
        assertThat(SingleInstance.claim(folder, () -> { })).isEqualTo(new SingleInstance.Claim.AlreadyRunning(true));
        assertThat(shown.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        ((SingleInstance.Claim.First) next).instance().close();
    }

    /** A window that quits stops answering at once; a start meanwhile waits for the lock and opens the window. */
    @Test
    void aStartWhileTheWindowQuitsOpensTheNextWindow() throws Exception {
        SingleInstance first = ((SingleInstance.Claim.First) SingleInstance.claim(folder, shown::release)).instance();
        first.stopListening();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300); // the quitting window's last moments: saving, closing the models
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            first.close();
        });

        SingleInstance.Claim next = SingleInstance.claim(folder, () -> { });

        assertThat(next).isInstanceOf(SingleInstance.Claim.First.class);
        assertThat(shown.tryAcquire()).as("the quitting window was not asked").isFalse();
        ((SingleInstance.Claim.First) next).instance().close();
    }

    /** Clients that connect and say nothing are dropped: few at once, none for long; a start then gets through. */
    @Test
    void silentClientsCannotHoldTheSocketOpen() throws Exception {
        SingleInstance.Claim first = SingleInstance.claim(folder, shown::release);
        Path socket = listening(folder);
        java.util.List<SocketChannel> silent = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                channel.configureBlocking(false);
                silent.add(channel);
            }
            Thread.sleep(200);
            assertThat(openOnes(silent)).as("kept open at once").isLessThanOrEqualTo(4);
            Thread.sleep(1500);
            assertThat(openOnes(silent)).as("after the read wait").isZero();

            assertThat(SingleInstance.claim(folder, () -> { })).isEqualTo(new SingleInstance.Claim.AlreadyRunning(true));
            assertThat(shown.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            for (SocketChannel channel : silent) {
                channel.close();
            }
        }
        ((SingleInstance.Claim.First) first).instance().close();
    }

    /** The window's socket once it takes connections: it is bound off the claiming thread, and listens just after. */
    private static Path listening(Path folder) throws Exception {
        Path socket = folder.resolve("window.sock");
        for (int waited = 0; waited < 5000; waited += 10) {
            try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                return socket; // the probe says nothing: the window drops it
            } catch (java.io.IOException notYet) {
                Thread.sleep(10);
            }
        }
        throw new AssertionError("the window's socket never took a connection");
    }

    /** Connections the window has not closed: a read gives 0 bytes (nothing yet) rather than the end. */
    private static long openOnes(java.util.List<SocketChannel> channels) throws Exception {
        long open = 0;
        for (SocketChannel channel : channels) {
            if (channel.read(ByteBuffer.allocate(1)) == 0) {
                open++;
            }
        }
        return open;
    }

    /** A client that connects and says nothing, or something else, neither shows the window nor blocks the next. */
    @Test
    void onlyTheShowRequestCountsAndASilentClientBlocksNothing() throws Exception {
        SingleInstance.Claim first = SingleInstance.claim(folder, shown::release);
        Path socket = listening(folder);
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(socket);
        try (SocketChannel silent = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.connect(address);
            try (SocketChannel other = SocketChannel.open(address)) {
                other.write(ByteBuffer.wrap("quit\n".getBytes(StandardCharsets.US_ASCII)));
            }
            assertThat(shown.tryAcquire(300, TimeUnit.MILLISECONDS)).isFalse();

            assertThat(SingleInstance.claim(folder, () -> { })).isEqualTo(new SingleInstance.Claim.AlreadyRunning(true));
            assertThat(shown.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        }
        ((SingleInstance.Claim.First) first).instance().close();
    }
}
