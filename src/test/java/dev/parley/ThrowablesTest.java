package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** Walking cause chains: the outermost cause of a kind, and chains that loop. */
class ThrowablesTest {

    @Test
    void theOutermostCauseOfAKindIsFoundHoweverDeepItIsWrapped() {
        IOException device = new IOException("no device");
        IOException outer = new IOException("outer", device);
        IllegalStateException wrapped = new IllegalStateException("load failed", new UncheckedIOException(outer));

        assertThat(Throwables.causeOf(wrapped, IOException.class)).containsSame(outer);
        assertThat(Throwables.causeOf(wrapped, IllegalStateException.class)).containsSame(wrapped);
        assertThat(Throwables.causeOf(wrapped, InterruptedException.class)).isEmpty();
    }

    @Test
    void aChainThatLoopsEnds() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second", first);
        first.initCause(second);

        assertThat(Throwables.causes(first)).containsExactly(first, second);
        assertThat(Throwables.causeOf(first, IOException.class)).isEmpty();
    }
}
