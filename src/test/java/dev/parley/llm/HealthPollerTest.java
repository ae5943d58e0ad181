package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.parley.config.LlmConfig;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.testing.FakeHttpServer;
import dev.parley.testing.HandClock;
import dev.parley.testing.FakeLlmApis;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Background health polling on a fake clock: due providers, backoff while failing, quiet during turns. */
class HealthPollerTest {

    private static final Duration MINUTE = Duration.ofSeconds(60);

    private final HandClock clock = new HandClock();
    private final List<String> asked = new ArrayList<>();
    private final Set<String> down = Set.of("dead");
    private final AtomicBoolean turnRunning = new AtomicBoolean();

    private HealthPoller poller() {
        return new HealthPoller(due -> {
            Map<String, Boolean> healthy = new java.util.HashMap<>();
            due.forEach(provider -> {
                asked.add(provider);
                healthy.put(provider, !down.contains(provider));
            });
            return healthy;
        }, List.of("local", "dead"), MINUTE, turnRunning::get, clock);
    }

    @Test
    void everyProviderIsCheckedAtOnceThenOncePerInterval() {
        HealthPoller poller = poller();

        assertThat(poller.poll()).containsExactly("local", "dead");
        clock.advance(Duration.ofSeconds(59));
        assertThat(poller.poll()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(poller.poll()).contains("local");
    }

    @Test
    void aFailingProviderIsCheckedLessOftenUpToTenIntervals() {
        HealthPoller poller = poller();
        List<Long> minutesBetweenChecksOfDead = new ArrayList<>();
        long lastMinute = 0;
        poller.poll();
        for (long minute = 1; minute <= 60; minute++) {
            clock.advance(MINUTE);
            if (poller.poll().contains("dead")) {
                minutesBetweenChecksOfDead.add(minute - lastMinute);
                lastMinute = minute;
            }
        }

        assertThat(minutesBetweenChecksOfDead).startsWith(2L, 4L, 8L, 10L, 10L);
        assertThat(asked.stream().filter("local"::equals)).hasSize(61);
    }

    @Test
    void recoveryResetsTheBackoff() {
        HealthPoller poller = poller();
        assertThat(poller.waitAfter(0)).isEqualTo(MINUTE);
        assertThat(poller.waitAfter(3)).isEqualTo(MINUTE.multipliedBy(8));
        assertThat(poller.waitAfter(40)).isEqualTo(MINUTE.multipliedBy(10));
    }

    @Test
    void nothingIsCheckedWhileATurnRunsAndDueChecksRunAfterIt() {
        HealthPoller poller = poller();
        turnRunning.set(true);

        assertThat(poller.poll()).isEmpty();
        assertThat(asked).isEmpty();

        turnRunning.set(false);
        assertThat(poller.poll()).containsExactly("local", "dead");
    }

    @Test
    void aCheckThatThrowsCountsAsAFailureOfEveryProviderItCheckedAndPollingGoesOn() {
        AtomicBoolean fails = new AtomicBoolean(true);
        HealthPoller poller = new HealthPoller(due -> {
            if (fails.getAndSet(false)) {
                throw new IllegalStateException("no route");
            }
            return Map.of("local", true);
        }, List.of("local", "other"), MINUTE, () -> false, clock);

        assertThat(poller.poll()).containsExactly("local", "other");
        clock.advance(MINUTE);
        assertThat(poller.poll()).as("both failed once: due again after two intervals").isEmpty();
        clock.advance(MINUTE);
        assertThat(poller.poll()).containsExactly("local", "other");
        clock.advance(MINUTE);
        assertThat(poller.poll()).as("local answered; other, left out of the result, failed again")
                .containsExactly("local");
    }

    @Test
    void onARealSchedulerTheChecksOfRealEndpointsReachTheHealthNews() throws Exception {
        HealthNews news = new HealthNews();
        BlockingQueue<HealthNews.Change> changes = new LinkedBlockingQueue<>();
        news.subscribe(changes::add);
        ProviderHealth health = new ProviderHealth(new ApiKeys(Map.<String, String>of()::get), Duration.ofSeconds(2),
                news);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (FakeHttpServer ollama = FakeLlmApis.ollama("llama3.2:latest")) {
            var providers = new java.util.LinkedHashMap<String, ProviderConfig>();
            providers.put("local", new ProviderConfig(ProviderType.OLLAMA, ollama.url(), "llama3.2", null, null, null,
                    null));
            providers.put("dead", new ProviderConfig(ProviderType.OLLAMA, FakeHttpServer.closedPortUrl(), "llama3.2",
                    null, null, null, null));
            try (HealthPoller poller = HealthPoller.of(health, new LlmConfig("local", null, providers), MINUTE,
                    () -> false, Clock.systemUTC())) {
                poller.start(scheduler);

                var first = changes.poll(10, TimeUnit.SECONDS);
                var second = changes.poll(10, TimeUnit.SECONDS);

                assertThat(List.of(first, second)).extracting(HealthNews.Change::provider, HealthNews.Change::healthy)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("local", true),
                                org.assertj.core.groups.Tuple.tuple("dead", false));
                assertThat(ollama.requests()).extracting(FakeHttpServer.Request::path).containsExactly("/api/tags");
            }
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void theProvidersDueAreCheckedAtOnce() throws Exception {
        // Each endpoint answers only once all three have been asked: checked one after another, the
        // first would wait out its timeout alone and be found down.
        CountDownLatch asked = new CountDownLatch(3);
        HealthNews news = new HealthNews();
        List<HealthNews.Change> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
        news.subscribe(changes::add);
        ProviderHealth health = new ProviderHealth(new ApiKeys(Map.<String, String>of()::get), Duration.ofSeconds(2),
                news);
        List<FakeHttpServer> ollamas = new ArrayList<>();
        try {
            var providers = new java.util.LinkedHashMap<String, ProviderConfig>();
            for (String name : List.of("first", "second", "third")) {
                FakeHttpServer ollama = new FakeHttpServer().on("GET", "/api/tags", request -> {
                    asked.countDown();
                    try {
                        asked.await(10, TimeUnit.SECONDS); // far beyond the checks' timeout: they give up first
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return FakeHttpServer.Response.json(200, "{\"models\":[{\"name\":\"llama3.2:latest\"}]}");
                });
                ollamas.add(ollama);
                providers.put(name, new ProviderConfig(ProviderType.OLLAMA, ollama.url(), "llama3.2", null, null, null,
                        null));
            }
            try (HealthPoller poller = HealthPoller.of(health, new LlmConfig("first", null, providers), MINUTE,
                    () -> false, clock)) {
                assertThat(poller.poll()).containsExactly("first", "second", "third");

                assertThat(changes).extracting(HealthNews.Change::provider, HealthNews.Change::healthy)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("first", true),
                                org.assertj.core.groups.Tuple.tuple("second", true),
                                org.assertj.core.groups.Tuple.tuple("third", true));
            }
        } finally {
            ollamas.forEach(FakeHttpServer::close);
        }
    }

    @Test
    void aProviderThatNeedsAKeyAndHasNoneIsNotContactedInTheBackground() throws Exception {
        try (FakeHttpServer cloud = FakeLlmApis.openAi(null, "gpt-4o-mini")) {
            var providers = new java.util.LinkedHashMap<String, ProviderConfig>();
            providers.put("cloud", new ProviderConfig(ProviderType.OPENAI, cloud.url() + "/v1", "gpt-4o-mini",
                    "CLOUD_KEY", null, null, null));
            LlmConfig llm = new LlmConfig("cloud", null, providers);
            Map<String, String> environment = new java.util.HashMap<>();
            ProviderHealth health = new ProviderHealth(new ApiKeys(environment::get), Duration.ofSeconds(2));
            HandClock clock = new HandClock();
            try (HealthPoller poller = HealthPoller.of(health, llm, MINUTE, () -> false, clock)) {
                poller.poll();
                assertThat(cloud.requests()).as("no key: nothing sent").isEmpty();

                environment.put("CLOUD_KEY", "sk-test");
                clock.advance(MINUTE);
                poller.poll();
                assertThat(cloud.requests()).as("a key set meanwhile counts at the next turn").isNotEmpty();
            }
        }
    }
}
