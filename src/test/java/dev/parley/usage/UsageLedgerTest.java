package dev.parley.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.ArrayList;
import java.util.List;
import dev.parley.testing.CapturedLog;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageLedgerTest {

    @TempDir
    Path folder;

    private static UsageRecord record(String provider, String model, String error, int in, int out, long ttft,
            long duration, double cost, Instant at) {
        return new UsageRecord(at, provider, model, error, in, out, ttft, duration, cost);
    }

    @Test
    void recordsSurviveARoundTripInOrder() {
        UsageLedger ledger = new UsageLedger(folder.resolve("sub/usage.jsonl"));
        UsageRecord first = record("openai", "gpt-4o-mini", null, 100, 20, 150, 900, 0.0000270, Instant.parse("2026-11-20T10:00:00Z"));
        UsageRecord second = record("ollama", "llama3.2", "CONNECTION", -1, -1, -1, 3, 0, Instant.parse("2026-11-21T10:00:00Z"));

        ledger.append(first);
        ledger.append(second);

        assertThat(new UsageLedger(folder.resolve("sub/usage.jsonl")).read()).containsExactly(first, second);
    }

    @Test
    void aRecordMadeByAnInterruptedTurnIsKeptAndTheInterruptStays() {
        UsageLedger ledger = new UsageLedger(folder.resolve("usage.jsonl"));
        UsageRecord stopped = record("local", "scripted", null, 10, 2, 100, 300, 0, Instant.parse("2026-12-06T10:00:00Z"));

        Thread.currentThread().interrupt(); // a /stop of the turn that made the request
        try {
            ledger.append(stopped);
            assertThat(Thread.currentThread().isInterrupted()).as("the stop is still there for the turn").isTrue();
        } finally {
            Thread.interrupted();
        }

        assertThat(ledger.read()).containsExactly(stopped);
    }

    @Test
    void aStopThatComesWhileARecordIsWrittenLosesNothing() throws Exception {
        UsageLedger ledger = new UsageLedger(folder.resolve("usage.jsonl"));
        List<UsageRecord> made = new ArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread turn = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 300; i++) {
                UsageRecord record = record("local", "scripted", null, i, 2, 100, 300, 0,
                        Instant.parse("2026-12-06T10:00:00Z").plusSeconds(i));
                made.add(record);
                ledger.append(record);
                Thread.interrupted(); // the next turn starts afresh
            }
            done.set(true);
        });
        while (!done.get()) { // stops, again and again, whenever they come
            turn.interrupt();
            Thread.onSpinWait();
        }
        turn.join();

        assertThat(ledger.read()).containsExactlyElementsOf(made);
    }

    @Test
    void aTornLastLineIsSkippedAndEverythingBeforeItKept() throws IOException {
        Path file = folder.resolve("usage.jsonl");
        UsageLedger ledger = new UsageLedger(file);
        UsageRecord kept = record("openai", "gpt-4o", null, 10, 5, 100, 400, 0.0001, Instant.parse("2026-11-20T10:00:00Z"));
        ledger.append(kept);
        Files.writeString(file, "{\"at\":\"2026-11-20T10:01:00Z\",\"provider\":\"op", StandardOpenOption.APPEND);

        assertThat(ledger.read()).containsExactly(kept);
    }

    @Test
    void aRecordAppendedAfterATornLineIsNotSwallowedByIt() throws IOException {
        Path file = folder.resolve("usage.jsonl");
        UsageLedger ledger = new UsageLedger(file);
        UsageRecord before = record("openai", "gpt-4o", null, 10, 5, 100, 400, 0.0001, Instant.parse("2026-11-20T10:00:00Z"));
        UsageRecord after = record("ollama", "llama3.2", null, 7, 3, 50, 200, 0, Instant.parse("2026-11-20T10:02:00Z"));
        ledger.append(before);
        Files.writeString(file, "{\"at\":\"2026-11-20T10:01:00Z\",\"provider\":\"op", StandardOpenOption.APPEND);

        ledger.append(after); // the next start's first request, after a kill -9 mid-line

        assertThat(ledger.read()).containsExactly(before, after);
    }

    /** Before, {@code parley stats} ended with "unexpected error: NullPointerException … at() is null". */
    @Test
    void linesWithoutATimeAreSkippedLikeTornOnesAndTheSummaryStillAdds() throws IOException {
        Path file = folder.resolve("usage.jsonl");
        UsageLedger ledger = new UsageLedger(file);
        UsageRecord kept = record("openai", "gpt-4o", null, 10, 5, 100, 400, 0.0001, Instant.parse("2026-11-20T10:00:00Z"));
        ledger.append(kept);
        Files.writeString(file, "{\"at\":null,\"provider\":\"py\"}\n{\"provider\":\"py\"}\n", StandardOpenOption.APPEND);

        List<UsageRecord> records = ledger.read();

        assertThat(records).containsExactly(kept);
        assertThat(UsageSummary.of(records, Instant.parse("2026-11-01T00:00:00Z")).providers())
                .extracting(UsageSummary.ProviderUsage::provider).containsExactly("openai");
    }

    /** A line with no provider cannot be summed under one: {@code parley stats} would list a provider "null". */
    @Test
    void linesWithoutAProviderAreSkippedAsDamaged() throws IOException {
        Path file = folder.resolve("usage.jsonl");
        UsageLedger ledger = new UsageLedger(file);
        UsageRecord kept = record("openai", "gpt-4o", null, 10, 5, 100, 400, 0.0001, Instant.parse("2026-11-20T10:00:00Z"));
        ledger.append(kept);
        Files.writeString(file, "{\"at\":\"2026-11-20T10:01:00Z\",\"provider\":null}\n"
                + "{\"at\":\"2026-11-20T10:02:00Z\",\"model\":\"m\"}\n", StandardOpenOption.APPEND);

        assertThat(ledger.read()).containsExactly(kept);
    }

    @Test
    void summaryGroupsByProviderAndModelWithinThePeriod() {
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        List<UsageRecord> records = List.of(
                record("openai", "gpt-4o-mini", null, 100, 50, 200, 1200, 0.01, now.minusSeconds(60)),
                record("openai", "gpt-4o-mini", null, 300, 150, 400, 1400, 0.03, now.minusSeconds(30)),
                record("openai", "gpt-4o-mini", "RATE_LIMIT", -1, -1, -1, 50, 0, now.minusSeconds(20)),
                record("openai", "gpt-4o-mini", null, 999, 999, 100, 200, 9, now.minusSeconds(86_400 * 40)),
                record("ollama", "llama3.2", null, 10, 10, 50, 150, 0, now.minusSeconds(10)));

        UsageSummary summary = UsageSummary.of(records, now.minusSeconds(86_400 * 30));

        assertThat(summary.providers()).hasSize(2);
        var openai = summary.providers().getFirst();
        assertThat(openai.provider()).isEqualTo("openai");
        assertThat(openai.requests()).isEqualTo(3);
        assertThat(openai.errors()).isEqualTo(1);
        assertThat(openai.inputTokens()).isEqualTo(400);
        assertThat(openai.outputTokens()).isEqualTo(200);
        assertThat(openai.ttftP50Ms()).isEqualTo(200);
        // 50 tokens in 1.0 s and 150 tokens in 1.0 s after the first token: 100 tokens/s on average.
        assertThat(openai.tokensPerSecond()).isCloseTo(100.0, within(0.01));
        assertThat(openai.costUsd()).isCloseTo(0.04, within(1e-9));
        assertThat(summary.providers().get(1).provider()).isEqualTo("ollama");
    }

    @Test
    void pricesEstimateCostAndConfigOverridesThem() {
        Prices prices = new Prices(java.util.Map.of("my-model", new Prices.Price(1.0, 2.0), "GPT-4o-mini", new Prices.Price(10, 10)));

        assertThat(prices.cost("my-model", 1_000_000, 500_000)).isCloseTo(2.0, within(1e-9));
        assertThat(prices.cost("gpt-4o-mini", 1_000_000, 0)).isCloseTo(10.0, within(1e-9));
        assertThat(Prices.defaults().cost("gpt-4o-mini", 1_000_000, 1_000_000)).isCloseTo(0.75, within(1e-9));
        assertThat(Prices.defaults().knows("llama3.2")).isFalse();
        assertThat(Prices.defaults().cost("llama3.2", 5000, 5000)).isZero();
        assertThat(Prices.defaults().cost("gpt-4o", -1, -1)).isZero();
    }

    @Test
    void recordsSinceAMomentAreReadFromTheEndOldestFirst() {
        UsageLedger ledger = new UsageLedger(folder.resolve("since.jsonl"));
        Instant monthStart = Instant.parse("2026-12-01T00:00:00Z");
        for (int day = 1; day <= 60; day++) { // October and November: the history a budget check skips
            ledger.append(record("a", "m", null, 10, 5, 100, 200, 0.01, Instant.parse("2026-10-01T12:00:00Z").plus(Duration.ofDays(day - 1))));
        }
        ledger.append(record("a", "m", null, 1, 1, 1, 1, 0.5, monthStart.minusSeconds(60))); // just before
        ledger.append(record("a", "m", null, 1, 1, 1, 1, 1.0, monthStart.plusSeconds(600)));
        ledger.append(record("b", "m", null, 1, 1, 1, 1, 2.0, monthStart.plusSeconds(60))); // a long reply, ended later
        ledger.append(record("a", "m", null, 1, 1, 1, 1, 4.0, monthStart.plusSeconds(900)));

        List<UsageRecord> since = ledger.readSince(monthStart);

        assertThat(since).extracting(UsageRecord::costUsd).containsExactly(1.0, 2.0, 4.0);
        assertThat(since).isEqualTo(ledger.read().stream().filter(r -> !r.at().isBefore(monthStart)).toList());
        assertThat(new UsageLedger(folder.resolve("none.jsonl")).readSince(monthStart)).isEmpty();
        // A line from the clock set back a month, after this month's: the read goes on past it.
        ledger.append(record("a", "m", null, 1, 1, 1, 1, 8.0, monthStart.minus(Duration.ofDays(30))));
        assertThat(ledger.readSince(monthStart)).extracting(UsageRecord::costUsd).containsExactly(1.0, 2.0, 4.0);
    }

    @Test
    void aLineOverOneMegabyteIsCountedWithTheDamagedLinesInTheWarning() throws Exception {
        UsageLedger ledger = new UsageLedger(folder.resolve("usage.jsonl"));
        UsageRecord kept = record("local", "scripted", null, 10, 2, 100, 300, 0, Instant.parse("2026-12-06T10:00:00Z"));
        ledger.append(kept);
        Files.writeString(ledger.file(), "x".repeat(1_100_000) + "\n", StandardOpenOption.APPEND);
        Files.writeString(ledger.file(), "not json\n", StandardOpenOption.APPEND);

        try (CapturedLog log = CapturedLog.of(UsageLedger.class)) {
            assertThat(ledger.read()).containsExactly(kept);

            assertThat(log.at(Level.WARN)).singleElement().satisfies(warning -> assertThat(warning)
                    .startsWith("Skipped 2 damaged line(s) of the usage ledger " + ledger.file())
                    .contains("over 1 MB"));
        }
    }

    @Test
    void aLedgerThatCannotBeWrittenSaysWhatIsMissingAndWhatToDo() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("parley"), "a file where the data folder goes");
        UsageLedger ledger = new UsageLedger(notAFolder.resolve("usage.jsonl"));

        try (CapturedLog log = CapturedLog.of(UsageLedger.class)) {
            ledger.append(record("local", "scripted", null, 10, 2, 100, 300, 0, Instant.now()));

            assertThat(log.at(Level.WARN)).singleElement().satisfies(warning -> assertThat(warning)
                    .contains("this request is missing from parley stats and the budgets")
                    .endsWith(notAFolder + " is a file, not a folder: move it away."));
        }
    }

    @Test
    void aLedgerThatKeepsFailingWarnsOnceUntilARecordIsWrittenAgain() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("parley"), "a file where the data folder goes");
        UsageLedger ledger = new UsageLedger(notAFolder.resolve("usage.jsonl"));

        try (CapturedLog log = CapturedLog.of(UsageLedger.class)) {
            for (int turn = 0; turn < 3; turn++) {
                ledger.append(record("local", "scripted", null, 10, 2, 100, 300, 0, Instant.now()));
            }
            assertThat(log.at(Level.WARN)).as("three failed turns").hasSize(1);

            Files.delete(notAFolder);
            ledger.append(record("local", "scripted", null, 10, 2, 100, 300, 0, Instant.now()));
            assertThat(log.at(Level.INFO)).singleElement().satisfies(recovered -> assertThat(recovered)
                    .contains("again", "3 request(s) before this one are missing"));

            Files.move(notAFolder, folder.resolve("moved away"));
            Files.writeString(notAFolder, "in the way again");
            ledger.append(record("local", "scripted", null, 10, 2, 100, 300, 0, Instant.now()));
            assertThat(log.at(Level.WARN)).as("a failure after a success is news").hasSize(2);
        }
    }
}
