package dev.parley.bench;

import dev.parley.audio.AudioClip;
import dev.parley.audio.Microphone;
import dev.parley.audio.SpeechEndpointer;
import dev.parley.audio.echo.EchoCanceller;
import dev.parley.audio.echo.EchoReturnLossEnhancement;
import dev.parley.stt.RecognitionStream;
import dev.parley.stt.SpeechRecognizer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * One room of the duplex benchmark: Parley's answers, one after another, played into a
 * {@link SimulatedRoom} with background noise, and every other answer talked over by the user (a
 * different voice) until enough time of Parley speaking alone has passed. The microphone signal goes
 * through the capture path as the app runs it: one echo canceller for the whole session, then, per
 * answer, 25 ms blocks to a recognition stream (its partial transcript), an endpointer and a fresh
 * {@link BargeInDecision}.
 *
 * <p>Measured: ERLE on the same answers without noise or user (echo only, the canceller's own
 * figure); false barge-ins while Parley spoke alone; the user's onset to the decision (the block in
 * which it fired ends then); the word error rate of what the user said while Parley went on speaking
 * (the worst case: the answer does not stop); CPU of the capture path per second of audio.
 */
public final class DuplexCase {

    private static final int RATE = BenchSpeech.SAMPLE_RATE;
    private static final int BLOCK = Microphone.BLOCK_SAMPLES;
    /** Parley is silent this long between answers. */
    private static final int GAP = RATE / 2;
    /** The user starts talking this far into an answer, plus up to as much again (seeded). */
    private static final int EARLIEST_ONSET = RATE * 3 / 2;
    /** After the user's last word: how long a late decision still counts, and the end of the WER window. */
    private static final int AFTER_USER = RATE * 6 / 10;
    /** Before the user's first word, the WER window starts here (the app's pre-roll is 300 ms). */
    private static final int BEFORE_USER = RATE / 2;
    private static final Duration END_OF_SPEECH = Duration.ofMillis(800);

    /**
     * @param erle echo-only ERLE, every 100 ms segment that carried echo
     * @param aloneSeconds Parley speaking alone while the decision listened
     * @param latenciesMs user onset to decision, per talked-over answer where it fired
     * @param missed talked-over answers where it never fired
     * @param overlapEdits word errors over all talked-over utterances; {@code overlapWords} their reference words
     * @param cancellerNanos the canceller's CPU time over the whole session, {@code sessionSeconds} long
     * @param listenerNanos the CPU time of recognizer, endpointer and decision over the answers, {@code listenedSeconds} long
     */
    public record Result(SimulatedRoom room, EchoReturnLossEnhancement erle, double aloneSeconds, int falseBargeIns,
            long[] latenciesMs, int missed, int overlapEdits, int overlapWords, long cancellerNanos,
            double sessionSeconds, long listenerNanos, double listenedSeconds) {}

    /** The user's utterance over an answer: where the clip starts, where its speech starts, where it ends. */
    private record Interjection(BenchSpeech.Clip clip, int start, int onset, int end) {}

    /** One answer in the session, {@code [start, end)} of the far end; {@code user} is null when it plays alone. */
    private record Answer(int start, int end, Interjection user) {}

    private final SimulatedRoom room;
    private final List<float[]> answers;
    private final List<BenchSpeech.Clip> users;
    private final double noiseDbfs;
    private final Supplier<EchoCanceller> cancellers;
    private final SpeechRecognizer recognizer;
    private final Supplier<BargeInDecision> decisions;
    private final long seed;

    /**
     * @param answers Parley's answers at 16 kHz, as played
     * @param users the user's utterances, already at their level at the microphone
     */
    DuplexCase(SimulatedRoom room, List<float[]> answers, List<BenchSpeech.Clip> users, double noiseDbfs,
            Supplier<EchoCanceller> cancellers, SpeechRecognizer recognizer, Supplier<BargeInDecision> decisions,
            long seed) {
        this.room = room;
        this.answers = answers;
        this.users = users;
        this.noiseDbfs = noiseDbfs;
        this.cancellers = cancellers;
        this.recognizer = recognizer;
        this.decisions = decisions;
        this.seed = seed;
    }

    Result run(double aloneSeconds, int interjections) {
        List<Answer> plan = plan(aloneSeconds, interjections);
        int length = plan.getLast().end() + GAP;
        float[] far = new float[length];
        for (int i = 0; i < plan.size(); i++) {
            float[] answer = answers.get(i % answers.size());
            System.arraycopy(answer, 0, far, plan.get(i).start(), answer.length);
        }
        float[] echo = room.echoOf(far, RATE);
        EchoReturnLossEnhancement erle;
        try (EchoCanceller canceller = cancellers.get()) {
            erle = EchoReturnLossEnhancement.measure(echo, canceller.processAll(far, echo));
        }
        float[] microphone = echo.clone();
        RoomNoise.addInto(microphone, 0, RoomNoise.of(length, noiseDbfs, seed));
        for (Answer answer : plan) {
            if (answer.user() != null) {
                RoomNoise.addInto(microphone, answer.user().start(), answer.user().clip().samples());
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        float[] cancelled;
        try (EchoCanceller canceller = cancellers.get()) {
            cancelled = canceller.processAll(far, microphone);
        }
        long cancellerNanos = threads.getCurrentThreadCpuTime() - cpuStart;
        return listen(plan, cancelled, erle, cancellerNanos, length);
    }

    /** Answers alternate alone and talked over until both quotas are met. */
    private List<Answer> plan(double aloneSeconds, int interjections) {
        Random random = new Random(seed);
        List<Answer> plan = new ArrayList<>();
        long alone = 0;
        int over = 0;
        int start = GAP;
        for (int i = 0; alone < aloneSeconds * RATE || over < interjections; i++) {
            int length = answers.get(i % answers.size()).length;
            BenchSpeech.Clip clip = users.get(over % users.size());
            int onsetInAnswer = EARLIEST_ONSET + random.nextInt(EARLIEST_ONSET);
            int clipOnset = RoomNoise.speechOnset(clip.samples());
            boolean fits = onsetInAnswer + clip.samples().length + AFTER_USER < length;
            boolean talkedOver = fits && over < interjections && (i % 2 == 1 || alone >= aloneSeconds * RATE);
            Interjection user = null;
            if (talkedOver) {
                int clipStart = start + onsetInAnswer - clipOnset;
                user = new Interjection(clip, clipStart, start + onsetInAnswer, clipStart + clip.samples().length);
                over++;
                alone += onsetInAnswer;
            } else {
                alone += length;
            }
            plan.add(new Answer(start, start + length, user));
            start = roundUpToBlock(start + length + GAP);
        }
        return plan;
    }

    private static int roundUpToBlock(int sample) {
        return (sample + BLOCK - 1) / BLOCK * BLOCK;
    }

    private Result listen(List<Answer> plan, float[] cancelled, EchoReturnLossEnhancement erle, long cancellerNanos,
            int length) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long listenerNanos = 0;
        long listened = 0;
        long aloneSamples = 0;
        int falseBargeIns = 0;
        int missed = 0;
        List<Long> latencies = new ArrayList<>();
        int edits = 0;
        int words = 0;
        for (Answer answer : plan) {
            Interjection user = answer.user();
            int end = user == null ? answer.end() : Math.min(answer.end(), user.end() + AFTER_USER);
            long cpuStart = threads.getCurrentThreadCpuTime();
            BargeInDecision decision = decisions.get();
            SpeechEndpointer endpointer = new SpeechEndpointer(RATE, END_OF_SPEECH);
            long fired = -1;
            try (RecognitionStream stream = recognizer.stream()) {
                for (int at = answer.start(); at + BLOCK <= end; at += BLOCK) {
                    float[] block = Arrays.copyOfRange(cancelled, at, at + BLOCK);
                    stream.accept(block);
                    endpointer.accept(block);
                    if (!decision.accept(block, stream.partial())) {
                        continue;
                    }
                    int blockEnd = at + BLOCK;
                    if (user == null || blockEnd <= user.onset()) {
                        falseBargeIns++;
                        decision = decisions.get(); // Parley stopped for nothing; the next answer listens afresh
                    } else if (fired < 0) {
                        fired = blockEnd;
                    }
                }
            }
            listenerNanos += threads.getCurrentThreadCpuTime() - cpuStart;
            listened += end - answer.start();
            aloneSamples += (user == null ? answer.end() : user.onset()) - answer.start();
            if (user != null) {
                if (fired >= 0) {
                    latencies.add((fired - user.onset()) * 1000L / RATE);
                } else {
                    missed++;
                }
                String heard = recognizer.transcribe(new AudioClip(
                        Arrays.copyOfRange(cancelled, user.onset() - BEFORE_USER, user.end() + AFTER_USER), RATE));
                edits += WordErrorRate.edits(user.clip().words(), heard);
                words += WordErrorRate.words(user.clip().words()).length;
            }
        }
        return new Result(room, erle, aloneSamples / (double) RATE, falseBargeIns,
                latencies.stream().mapToLong(Long::longValue).toArray(), missed, edits, words, cancellerNanos,
                length / (double) RATE, listenerNanos, listened / (double) RATE);
    }
}
