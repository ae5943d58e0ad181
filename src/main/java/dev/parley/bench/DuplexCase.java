package dev.parley.bench;

import dev.parley.audio.AudioClip;
import dev.parley.audio.Ducking;
import dev.parley.audio.Microphone;
import dev.parley.audio.echo.EchoCanceller;
import dev.parley.audio.echo.EchoReturnLossEnhancement;
import dev.parley.stt.SpeechRecognizer;
import dev.parley.voice.BargeInGate;
import dev.parley.voice.TalkOverLink;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One room of the duplex benchmark: Parley's answers, one after another, played into a
 * {@link SimulatedRoom} with background noise, and every other answer talked over by the user (a
 * different voice) until enough time of Parley speaking alone has passed. The microphone goes
 * through the capture path as the app runs it, 10 ms at a time: one echo canceller for the whole
 * session, then, per answer, 25 ms blocks into a fresh {@link BargeInGate}, the voice loop's own
 * listener while an answer plays (its end-pointer, its {@code BargeInWatcher}, a recognition stream
 * per stretch of sound). When it hears voice over the answer, the answer goes down by
 * {@link Ducking#DUCKED_DB} from 200 ms later (as in the app, measured; never in an answer's first
 * {@link Ducking#NOT_BEFORE_SECONDS} s), and back up when the voice ends without a barge-in; when it
 * says the user barged in, Parley stops: from the next 10 ms on (a stop drops what the line holds),
 * nothing more of that answer is played, and the room's echo of it dies out; the gate's utterance is
 * what the voice loop would answer.
 *
 * <p>Measured: ERLE on the same answers without noise or user (echo only, the canceller's own
 * figure); false barge-ins while Parley spoke alone (it does not stop for those, so the alone time
 * stays what it is); the user's onset to the decision (the end of the block in which it fired); the
 * word error rate of what the user said, as the gate took it (Parley stopping at the barge-in) and,
 * as the worst case, recognized with Parley never stopping; CPU of the capture path per second of audio.
 */
public final class DuplexCase {

    private static final int RATE = BenchSpeech.SAMPLE_RATE;
    private static final int FRAME = EchoCanceller.FRAME_SAMPLES;
    private static final int BLOCK = Microphone.BLOCK_SAMPLES;
    /** Parley is silent this long between answers: longer than any room's echo. */
    private static final int GAP = RATE / 2;
    /** The user starts talking this far into an answer, plus up to as much again (seeded). */
    private static final int EARLIEST_ONSET = RATE * 3 / 2;
    /** After the user's last word: how long a late decision still counts, and the end of the WER window. */
    private static final int AFTER_USER = RATE * 6 / 10;
    /** Before the user's first word, the WER window starts here (the app's pre-roll is 300 ms). */
    private static final int BEFORE_USER = RATE / 2;
    private static final Duration END_OF_SPEECH = Duration.ofMillis(800);
    /**
     * From the gate hearing voice to the lowered answer reaching the microphone in the app: the
     * microphone's bursts, the canceller's 20 ms delay line and the output line's 100 ms lead; ~200 ms
     * measured on the null sink (docs/performance.md, "Talking over Parley").
     */
    private static final int LOWERING_DELAY = RATE / 5;

    /**
     * @param erle echo-only ERLE, every 100 ms segment that carried echo
     * @param aloneSeconds Parley speaking alone while the decision listened
     * @param latenciesMs user onset to decision, per talked-over answer where it fired
     * @param missed talked-over answers where it never fired
     * @param overlapEdits word errors over all talked-over utterances, as the gate took them (Parley
     *     stops at the barge-in; all words lost where it never fired); {@code overlapWords} their reference words
     * @param neverStoppingEdits the same utterances' word errors when Parley goes on speaking
     * @param cancellerNanos the canceller's CPU time over the whole session, {@code sessionSeconds} long
     * @param listenerNanos the gate's CPU time (end-pointer, watcher, recognizer) over the answers, {@code listenedSeconds} long
     */
    public record Result(SimulatedRoom room, EchoReturnLossEnhancement erle, double aloneSeconds, int falseBargeIns,
            long[] latenciesMs, int missed, int overlapEdits, int neverStoppingEdits, int overlapWords,
            long cancellerNanos, double sessionSeconds, long listenerNanos, double listenedSeconds) {}

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
    private final Duration minSpeech;
    private final long seed;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    // The session, built by run(): what is played, its echo, and the microphone (echo, noise, user).
    private float[] far;
    /** The answers as planned, at full level: what lowering and restoring them starts from. */
    private float[] planned;
    private float[] echo;
    private float[] microphone;

    /**
     * @param answers Parley's answers at 16 kHz, as played
     * @param users the user's utterances, already at their level at the microphone
     */
    DuplexCase(SimulatedRoom room, List<float[]> answers, List<BenchSpeech.Clip> users, double noiseDbfs,
            Supplier<EchoCanceller> cancellers, SpeechRecognizer recognizer, Duration minSpeech,
            long seed) {
        this.room = room;
        this.answers = answers;
        this.users = users;
        this.noiseDbfs = noiseDbfs;
        this.cancellers = cancellers;
        this.recognizer = recognizer;
        this.minSpeech = minSpeech;
        this.seed = seed;
    }

    Result run(double aloneSeconds, int interjections) {
        List<Answer> plan = plan(aloneSeconds, interjections);
        int length = plan.getLast().end() + GAP;
        far = new float[length];
        for (int i = 0; i < plan.size(); i++) {
            float[] answer = answers.get(i % answers.size());
            System.arraycopy(answer, 0, far, plan.get(i).start(), answer.length);
        }
        planned = far.clone();
        echo = room.echoOf(far, RATE);
        EchoReturnLossEnhancement erle;
        float[] neverStopping;
        try (EchoCanceller canceller = cancellers.get()) {
            erle = EchoReturnLossEnhancement.measure(echo, canceller.processAll(far, echo));
        }
        microphone = echo.clone();
        RoomNoise.addInto(microphone, 0, RoomNoise.of(length, noiseDbfs, seed));
        for (Answer answer : plan) {
            if (answer.user() != null) {
                RoomNoise.addInto(microphone, answer.user().start(), answer.user().clip().samples());
            }
        }
        try (EchoCanceller canceller = cancellers.get()) {
            neverStopping = canceller.processAll(far, microphone);
        }
        return live(plan, erle, neverStopping);
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
            start = (start + length + GAP + BLOCK - 1) / BLOCK * BLOCK;
        }
        return plan;
    }

    /** The session as the app hears it, 10 ms at a time, Parley stopping where the decision fires on the user. */
    private Result live(List<Answer> plan, EchoReturnLossEnhancement erle, float[] neverStopping) {
        Session session = new Session(cancellers.get());
        try (session) {
            long listenerNanos = 0;
            long listened = 0;
            long aloneSamples = 0;
            int falseBargeIns = 0;
            int missed = 0;
            int edits = 0;
            int neverStoppingEdits = 0;
            int words = 0;
            List<Long> latencies = new ArrayList<>();
            for (Answer answer : plan) {
                Interjection user = answer.user();
                int end = user == null ? answer.end() : Math.min(answer.end(), user.end() + AFTER_USER);
                session.cancelUpTo(answer.start());
                long cpuStart = threads.getCurrentThreadCpuTime();
                long cancellerBefore = session.nanos;
                AtomicBoolean bargedIn = new AtomicBoolean();
                AtomicBoolean voiceOver = new AtomicBoolean();
                BargeInGate gate = gate(bargedIn, voiceOver);
                long fired = -1;
                boolean lowered = false;
                for (int at = answer.start(); at + BLOCK <= end; at += BLOCK) {
                    session.cancelUpTo(at + BLOCK);
                    gate.accept(Arrays.copyOfRange(session.cancelled, at, at + BLOCK));
                    int heardFrom = session.processed + LOWERING_DELAY;
                    boolean lower = voiceOver.get() && Ducking.mayLower(heardFrom - answer.start(), RATE);
                    if (lower != lowered && fired < 0) {
                        lowered = lower;
                        play(answer, heardFrom, lower ? Ducking.DUCKED_GAIN : 1);
                    }
                    if (!bargedIn.get() || fired >= 0) {
                        continue;
                    }
                    if (user == null || at + BLOCK <= user.onset()) {
                        falseBargeIns++;
                        // Counted; Parley goes on (so the alone time stays measured) and listens afresh.
                        gate.cancel();
                        bargedIn.set(false);
                        gate = gate(bargedIn, voiceOver);
                    } else {
                        fired = at + BLOCK;
                        play(answer, session.processed, 0); // a stop drops what the line holds: at once
                    }
                }
                // What the voice loop would answer: the utterance the gate took over at the barge-in.
                String heard = fired >= 0 ? gate.finish() : "";
                gate.cancel();
                listenerNanos += threads.getCurrentThreadCpuTime() - cpuStart - (session.nanos - cancellerBefore);
                listened += end - answer.start();
                aloneSamples += (user == null ? answer.end() : user.onset()) - answer.start();
                if (user != null) {
                    if (fired >= 0) {
                        latencies.add((fired - user.onset()) * 1000L / RATE);
                    } else {
                        missed++;
                    }
                    edits += WordErrorRate.edits(user.clip().words(), heard);
                    neverStoppingEdits += errors(user, neverStopping);
                    words += WordErrorRate.words(user.clip().words()).length;
                }
            }
            session.cancelUpTo(far.length);
            return new Result(room, erle, aloneSamples / (double) RATE, falseBargeIns,
                    latencies.stream().mapToLong(Long::longValue).toArray(), missed, edits, neverStoppingEdits, words,
                    session.nanos, far.length / (double) RATE, listenerNanos, listened / (double) RATE);
        }
    }

    /** The voice loop's gate while an answer plays: the watcher, and a recognition stream for each stretch of sound. */
    private BargeInGate gate(AtomicBoolean bargedIn, AtomicBoolean voiceOver) {
        return new BargeInGate(recognizer::stream, minSpeech, END_OF_SPEECH, partial -> { }, () -> { },
                () -> bargedIn.set(true), new TalkOverLink(() -> false, voiceOver::set));
    }

    /** Word errors of what the recognizer makes of the user's utterance in {@code cancelled}. */
    private int errors(Interjection user, float[] cancelled) {
        String heard = recognizer.transcribe(new AudioClip(
                Arrays.copyOfRange(cancelled, user.onset() - BEFORE_USER, user.end() + AFTER_USER), RATE));
        return WordErrorRate.edits(user.clip().words(), heard);
    }

    /**
     * From sample {@code from} on, {@code answer} plays at {@code gain} of its planned level: 0 when
     * Parley stops, {@link Ducking#DUCKED_GAIN} while someone talks over it, 1 when that ended without a
     * barge-in. The microphone hears the room's echo of that from there (what was played before
     * still dying out in the room).
     */
    private void play(Answer answer, int from, float gain) {
        if (from >= answer.end()) {
            return;
        }
        for (int i = from; i < answer.end(); i++) {
            far[i] = planned[i] * gain;
        }
        int reach = room.impulseResponse(RATE).length;
        int sliceStart = Math.max(0, from - reach);
        int sliceEnd = Math.min(far.length, answer.end() + reach);
        float[] echoNow = room.echoOf(Arrays.copyOfRange(far, sliceStart, sliceEnd), RATE);
        for (int i = from; i < sliceEnd; i++) {
            float now = echoNow[i - sliceStart];
            microphone[i] += now - echo[i];
            echo[i] = now;
        }
    }

    /** The one canceller of the session, run frame by frame as far as the listeners need, its CPU time counted. */
    private final class Session implements AutoCloseable {

        private final EchoCanceller canceller;
        private final float[] cancelled = new float[far.length];
        private int processed;
        private long nanos;

        Session(EchoCanceller canceller) {
            this.canceller = canceller;
        }

        /** Cancels whole frames until at least {@code sample} (or the session's end) is done. */
        void cancelUpTo(int sample) {
            long start = threads.getCurrentThreadCpuTime();
            while (processed < sample && processed + FRAME <= far.length) {
                float[] out = canceller.process(Arrays.copyOfRange(far, processed, processed + FRAME),
                        Arrays.copyOfRange(microphone, processed, processed + FRAME));
                System.arraycopy(out, 0, cancelled, processed, FRAME);
                processed += FRAME;
            }
            nanos += threads.getCurrentThreadCpuTime() - start;
        }

        @Override
        public void close() {
            canceller.close();
        }
    }
}
