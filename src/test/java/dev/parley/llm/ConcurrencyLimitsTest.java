package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.conversation.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitsTest {

    /** A model that takes its time and counts how many replies run at once. */
    private static final class SlowModel implements LanguageModel {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final CountDownLatch release;

        SlowModel(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public String name() {
            return "slow";
        }

        @Override
        public String describe() {
            return "slow";
        }

        @Override
        public LlmReply reply(List<Message> messages, ReplyListener listener) {
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await(5, TimeUnit.SECONDS);
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            return new LlmReply("done", "", -1, -1, 0, name());
        }
    }

    @Test
    void noMoreThanTheLimitRunAtOnceAndTheRestWaitTheirTurn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SlowModel slow = new SlowModel(release);
        LanguageModel limited = new ConcurrencyLimits().limit(slow, 2, Duration.ofSeconds(10));
        List<Future<LlmReply>> replies = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                replies.add(threads.submit(() -> limited.reply(List.of(Message.user("hi")), ReplyListener.IGNORE)));
            }
            Thread.sleep(200);
            assertThat(slow.inFlight.get()).isEqualTo(2);
            release.countDown();
            for (Future<LlmReply> reply : replies) {
                assertThat(reply.get(10, TimeUnit.SECONDS).text()).isEqualTo("done");
            }
        }
        assertThat(slow.mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void aRequestThatFindsNoFreeSlotInTimeFailsAsBusyNamingTheSetting() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SlowModel slow = new SlowModel(release);
        ConcurrencyLimits limits = new ConcurrencyLimits();
        LanguageModel first = limits.limit(slow, 1, Duration.ofMillis(100));
        LanguageModel second = limits.limit(slow, 1, Duration.ofMillis(100));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<LlmReply> busy = threads.submit(() -> first.reply(List.of(Message.user("a")), ReplyListener.IGNORE));
            Thread.sleep(100);

            assertThatThrownBy(() -> second.reply(List.of(Message.user("b")), ReplyListener.IGNORE))
                    .isInstanceOfSatisfying(LlmException.class,
                            e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.BUSY))
                    .hasMessageContaining("llm.max-concurrent-requests");
            release.countDown();
            busy.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void saysWhetherAnyReplyIsInFlightOverEveryProviderSoHealthChecksCanWait() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ConcurrencyLimits limits = new ConcurrencyLimits();
        LanguageModel limited = limits.limit(new SlowModel(release), 1, Duration.ofSeconds(5));
        assertThat(limits.anyInFlight()).isFalse();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<LlmReply> reply = threads.submit(() -> limited.reply(List.of(Message.user("a")), ReplyListener.IGNORE));
            Thread.sleep(100);
            assertThat(limits.anyInFlight()).isTrue();
            release.countDown();
            reply.get(5, TimeUnit.SECONDS);
        }
        assertThat(limits.anyInFlight()).isFalse();
    }
}
