package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class QuietHeapTrimTest {

    private static final Duration QUIET = Duration.ofMillis(200);

    private final AtomicInteger collections = new AtomicInteger();
    private final QuietHeapTrim trim = new QuietHeapTrim(QUIET, collections::incrementAndGet, "test-heap-trim");

    @Test
    void collectsOnceAfterAQuietSpellAndNotAgainUntilSomethingHappens() throws InterruptedException {
        trim.activity();
        awaitCollections(count -> count == 1);
        Thread.sleep(4 * QUIET.toMillis());
        assertThat(collections).as("an idle process is collected once, not every interval").hasValue(1);

        trim.activity();
        awaitCollections(count -> count == 2);
        Thread.sleep(4 * QUIET.toMillis());
        assertThat(collections).hasValue(2);
    }

    @Test
    void waitsWhileActivityGoesOn() throws InterruptedException {
        long until = System.nanoTime() + 5 * QUIET.toNanos();
        while (System.nanoTime() < until) {
            trim.activity();
            Thread.sleep(QUIET.toMillis() / 10);
        }
        // A loaded machine may let one gap grow past QUIET; a collection per activity never happens.
        assertThat(collections.get()).as("no collection in the middle of a turn's events").isLessThanOrEqualTo(1);
        awaitCollections(count -> count >= 1);
    }

    @Test
    void nothingHappensWithoutActivity() throws InterruptedException {
        Thread.sleep(3 * QUIET.toMillis());
        assertThat(collections).hasValue(0);
    }

    @Test
    void aCollectionThatFailsDoesNotEndTheTrim() throws InterruptedException {
        QuietHeapTrim failingFirst = new QuietHeapTrim(QUIET, () -> {
            if (collections.incrementAndGet() == 1) {
                throw new IllegalStateException("the first collection fails");
            }
        }, "test-heap-trim-failing");
        failingFirst.activity();
        awaitCollections(count -> count == 1);
        failingFirst.activity();
        awaitCollections(count -> count == 2);
    }

    private void awaitCollections(IntPredicate expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!expected.test(collections.get()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(expected.test(collections.get())).as("collections: %d", collections.get()).isTrue();
    }
}
