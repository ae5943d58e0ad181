package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A body is read up to its size limit and its time: a body trickled a byte at a time ends too. */
class LimitedInputTest {

    /** One byte every 100 ms, for ever: each read blocks, then returns what came, as a socket's does. */
    private static final class Trickle extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) { // what an interrupted socket read amounts to
                throw new InterruptedIOException("interrupted");
            }
            buffer[offset] = 'a';
            return 1;
        }
    }

    @Test
    @Timeout(20)
    void aBodyTrickledForLongerThanItsTimeIsCutOff() {
        InputStream body = new LimitedInput(new Trickle(), 1_000_000, Duration.ofSeconds(2));
        long began = System.nanoTime();

        assertThatThrownBy(body::readAllBytes).isInstanceOf(InterruptedIOException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(5));
        Thread.interrupted();
    }

    @Test
    void oneByteOverTheLimitFails() {
        InputStream body = new LimitedInput(new ByteArrayInputStream(new byte[11]), 10);

        assertThatThrownBy(body::readAllBytes).isInstanceOf(LimitedInput.TooLarge.class);
    }
}
