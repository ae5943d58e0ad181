package dev.parley.bench;

import dev.parley.audio.AudioClip;
import dev.parley.audio.echo.EchoCanceller;
import dev.parley.audio.echo.EchoReturnLossEnhancement;
import dev.parley.stt.SpeechRecognizer;
import dev.parley.tts.SpeechSynthesizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * Full duplex, measured: Parley's real answers (its real voice) played through simulated rooms back
 * into the microphone path, with and without the user talking over them, and the wake word on the
 * shipped non-wake sentences. See {@link DuplexCase} for one room and {@link WakeBench} for the wake
 * word; the user's voice and the non-wake sentences are the shipped {@link BenchSpeech}.
 *
 * <p>Levels at the microphone: the user's speech as loud as Parley's echo (0 dB signal-to-echo
 * ratio), the room noise {@link Settings#snrDb} below both.
 */
public final class DuplexBench {

    /** What Parley says in the benchmark: six answers of 9-14 s, played one after another in a loop. */
    static final List<String> ANSWERS = List.of(
            "It is sunny and warm in the city today. The high will be twenty four degrees."
                    + " A light breeze comes from the west this afternoon.",
            "Your next meeting is at three o'clock with the design team. I have added the notes from last week"
                    + " to the invitation, and the room is booked until four.",
            "To make the sauce, melt the butter in a small pan, stir in the flour, and add the milk a little at a"
                    + " time. Keep stirring until it is smooth and thick.",
            "The train to the airport leaves every fifteen minutes from platform two. The journey takes about"
                    + " half an hour, so you should leave by ten to be on time.",
            "Here is a short summary of the article. The city plans to plant two thousand trees along the river"
                    + " over the next three years, mostly oaks and maples.",
            "I have set a timer for twenty minutes. I will tell you when it is done. In the meantime, you could"
                    + " preheat the oven and wash the vegetables.");

    /**
     * @param aloneMinutes Parley speaking alone, over all rooms, while the barge-in decision listens
     * @param talkedOverPerRoom answers the user talks over, per room
     * @param wakeTrials "hey parley" and a question, each wake clip before several questions in turn
     * @param wakeMinutes non-wake audio the wake word waits through
     * @param delaysMs the rooms: one per delay from loudspeaker to microphone
     * @param snrDb the room noise below the speech level
     */
    public record Settings(double aloneMinutes, int talkedOverPerRoom, int wakeTrials, double wakeMinutes,
            List<Integer> delaysMs, double snrDb) {

        public static final double DEFAULT_SNR_DB = 20;

        /** Every user utterance in every room, each wake clip before three questions, all four delays. */
        public static Settings full(double aloneMinutes, double wakeMinutes) {
            return new Settings(aloneMinutes, BenchSpeech.load(BenchSpeech.USER).size(),
                    BenchSpeech.load(BenchSpeech.WAKE).size() * WakeBench.QUESTIONS_PER_WAKE, wakeMinutes,
                    EchoBench.DELAYS_MS, DEFAULT_SNR_DB);
        }
    }

    /**
     * Everything measured.
     *
     * @param decision the barge-in decision measured
     * @param cleanEdits word errors of the user's utterances in silence (noise only), over {@code cleanWords}
     */
    public record Result(String processing, String decision, Settings settings, double userLevelDbfs, List<DuplexCase.Result> rooms,
            int cleanEdits, int cleanWords, WakeBench.Result wake, double seconds) {

        /** Every echo-only segment of every room. */
        public EchoReturnLossEnhancement erle() {
            return new EchoReturnLossEnhancement(rooms.stream().flatMapToDouble(r -> Arrays.stream(r.erle().segmentsDb()))
                    .toArray());
        }

        public double aloneMinutes() {
            return rooms.stream().mapToDouble(DuplexCase.Result::aloneSeconds).sum() / 60;
        }

        public int falseBargeIns() {
            return rooms.stream().mapToInt(DuplexCase.Result::falseBargeIns).sum();
        }

        public double falseBargeInsPerMinute() {
            return falseBargeIns() / Math.max(aloneMinutes(), 1e-9);
        }

        /** User onset to decision, every room's. */
        public long[] latenciesMs() {
            return rooms.stream().flatMapToLong(r -> LongStream.of(r.latenciesMs())).toArray();
        }

        public int talkedOver() {
            return latenciesMs().length + missed();
        }

        public int missed() {
            return rooms.stream().mapToInt(DuplexCase.Result::missed).sum();
        }

        public double overlapWer() {
            return rooms.stream().mapToInt(DuplexCase.Result::overlapEdits).sum()
                    / (double) Math.max(1, rooms.stream().mapToInt(DuplexCase.Result::overlapWords).sum());
        }

        /** The same utterances with Parley speaking on through them: the canceller's double talk alone. */
        public double neverStoppingWer() {
            return rooms.stream().mapToInt(DuplexCase.Result::neverStoppingEdits).sum()
                    / (double) Math.max(1, rooms.stream().mapToInt(DuplexCase.Result::overlapWords).sum());
        }

        public double cleanWer() {
            return cleanEdits / (double) Math.max(1, cleanWords);
        }

        public double wakeHitRate() {
            return wake.hits() / (double) Math.max(1, wake.trials());
        }

        public double falseAcceptsPerHour() {
            return wake.falseAccepts() / (wake.otherSeconds() / 3600);
        }

        /** Canceller and barge-in gate (end-pointer, watcher, recognizer) while Parley speaks, ms of CPU per second of audio. */
        public double speakingCpuMsPerSecond() {
            double canceller = rooms.stream().mapToLong(DuplexCase.Result::cancellerNanos).sum() / 1e6
                    / rooms.stream().mapToDouble(DuplexCase.Result::sessionSeconds).sum();
            double listeners = rooms.stream().mapToLong(DuplexCase.Result::listenerNanos).sum() / 1e6
                    / rooms.stream().mapToDouble(DuplexCase.Result::listenedSeconds).sum();
            return canceller + listeners;
        }

        /** Canceller, endpointer and wake-word spotter while waiting for the phrase. */
        public double waitingCpuMsPerSecond() {
            return wake.cpuNanos() / 1e6 / wake.otherSeconds();
        }
    }

    private final SpeechSynthesizer voice;
    private final SpeechRecognizer recognizer;
    private final Supplier<EchoCanceller> cancellers;
    private final Duration minSpeech;

    /** The phrase the shipped wake clips say. */
    public static final String WAKE_WORD = "hey parley";

    /**
     * @param cancellers a fresh canceller per session (each room, the clean utterances, the wake word)
     * @param minSpeech the voice that barges in without a recognized word ({@code audio.barge-in-min-ms})
     */
    public DuplexBench(SpeechSynthesizer voice, SpeechRecognizer recognizer, Supplier<EchoCanceller> cancellers,
            Duration minSpeech) {
        this.voice = voice;
        this.recognizer = recognizer;
        this.cancellers = cancellers;
        this.minSpeech = minSpeech;
    }

    public Result run(Settings settings) {
        long start = System.nanoTime();
        List<float[]> answers = new ArrayList<>();
        for (String answer : ANSWERS) {
            answers.add(voice.synthesize(answer).resampledTo(BenchSpeech.SAMPLE_RATE).samples());
        }
        // Every room attenuates alike, so one echo sets the level of the user's voice for all of them.
        double userDbfs = RoomNoise.activeLevelDb(SimulatedRoom.withDelay(settings.delaysMs().getFirst())
                .echoOf(answers.getFirst(), BenchSpeech.SAMPLE_RATE));
        double noiseDbfs = userDbfs - settings.snrDb();
        List<BenchSpeech.Clip> users = BenchSpeech.load(BenchSpeech.USER).stream()
                .map(clip -> new BenchSpeech.Clip(clip.name(), clip.voice(), clip.words(), RoomNoise.atLevel(clip.samples(), userDbfs)))
                .toList();
        String processing;
        try (EchoCanceller canceller = cancellers.get()) {
            processing = canceller.description();
        }
        int[] clean = cleanErrors(users, noiseDbfs);
        List<DuplexCase.Result> rooms = new ArrayList<>();
        double alonePerRoom = settings.aloneMinutes() * 60 / settings.delaysMs().size();
        for (int delay : settings.delaysMs()) {
            rooms.add(new DuplexCase(SimulatedRoom.withDelay(delay), answers, users, noiseDbfs, cancellers, recognizer,
                    minSpeech, delay).run(alonePerRoom, settings.talkedOverPerRoom()));
        }
        WakeBench.Result wake = new WakeBench(recognizer, WAKE_WORD, cancellers, userDbfs, noiseDbfs, 7)
                .run(BenchSpeech.load(BenchSpeech.WAKE), BenchSpeech.load(BenchSpeech.USER),
                        BenchSpeech.load(BenchSpeech.OTHER), settings.wakeTrials(), settings.wakeMinutes() * 60);
        String decision = "the voice loop's BargeInGate (" + minSpeech.toMillis() + " ms of voice, or 100 ms and a word)";
        return new Result(processing, decision, settings, userDbfs, rooms, clean[0], clean[1], wake,
                (System.nanoTime() - start) / 1e9);
    }

    /** Word errors and reference words of the user's utterances in the room's noise, Parley silent. */
    private int[] cleanErrors(List<BenchSpeech.Clip> users, double noiseDbfs) {
        int edits = 0;
        int words = 0;
        int pad = BenchSpeech.SAMPLE_RATE / 2;
        try (EchoCanceller canceller = cancellers.get()) {
            for (int i = 0; i < users.size(); i++) {
                BenchSpeech.Clip user = users.get(i);
                float[] microphone = RoomNoise.of(user.samples().length + 2 * pad, noiseDbfs, 100 + i);
                RoomNoise.addInto(microphone, pad, user.samples());
                String heard = recognizer.transcribe(new AudioClip(
                        canceller.processAll(new float[0], microphone), BenchSpeech.SAMPLE_RATE));
                edits += WordErrorRate.edits(user.words(), heard);
                words += WordErrorRate.words(user.words()).length;
            }
        }
        return new int[] {edits, words};
    }
}
