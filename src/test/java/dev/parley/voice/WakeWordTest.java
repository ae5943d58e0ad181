package dev.parley.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.AudioClip;
import dev.parley.config.ParleyPaths;
import dev.parley.stt.PhraseSpotter;
import dev.parley.stt.SpeechRecognizer;
import dev.parley.stt.VoskRecognizer;
import dev.parley.bench.WordErrorRate;
import dev.parley.tts.MaryTtsSynthesizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The wake word on the real voice and the real speech model: spoken phrases go through the
 * {@link WakeGate} in 100 ms blocks, as the microphone delivers them.
 */
@Tag("real")
class WakeWordTest {

    private static final Duration PAUSE = Duration.ofMillis(800);
    private static MaryTtsSynthesizer voice;
    private static VoskRecognizer recognizer;

    @BeforeAll
    static void start() {
        voice = MaryTtsSynthesizer.start("cmu-slt-hsmm");
        recognizer = VoskRecognizer.load(ParleyPaths.fromEnvironment().bundledSpeechModel());
    }

    @AfterAll
    static void stop() {
        recognizer.close();
        voice.close();
    }

    /** What the gate did with one stretch of audio. */
    private record Heard(int wakes, int ended, String question) {}

    private static Heard listen(Object... speechAndSilences) {
        AtomicInteger wakes = new AtomicInteger();
        AtomicInteger ended = new AtomicInteger();
        try (PhraseSpotter spotter = recognizer.spotter("hey parley")) {
            WakeGate gate = new WakeGate(spotter, recognizer::stream, partial -> { }, PAUSE, ended::incrementAndGet,
                    wakes::incrementAndGet);
            feed(gate, silence(0.5));
            for (Object part : speechAndSilences) {
                feed(gate, part instanceof String words ? speech(words) : silence((Double) part));
            }
            feed(gate, silence(1.5));
            return new Heard(wakes.get(), ended.get(), gate.finish());
        }
    }

    @Test
    void aQuestionInTheSameBreathAsTheWakeWordIsHeardWithoutIt() {
        Heard heard = listen("Hey Parley, what time is it?");

        assertThat(heard.wakes()).isEqualTo(1);
        assertThat(heard.ended()).isEqualTo(1);
        assertThat(WordErrorRate.of("what time is it", heard.question())).as(heard.question()).isLessThanOrEqualTo(0.25);
    }

    @Test
    void aPauseAfterTheWakeWordWaitsForTheQuestion() {
        Heard heard = listen("Hey Parley.", 1.5, "Set a timer for five minutes.");

        assertThat(heard.wakes()).isEqualTo(1);
        assertThat(WordErrorRate.of("set a timer for five minutes", heard.question())).as(heard.question())
                .isLessThanOrEqualTo(0.25);
    }

    @Test
    void soundAlikesAndTheNameInsideASentenceDoNotWakeIt() {
        List<String> others = List.of("Hey Charlie, how are you?", "I told Parley to stop.", "Hey Barley, what time is it?",
                "Parsley is a herb.", "Hey Harley.", "The weather today is sunny and warm.");
        List<String> woke = new ArrayList<>();
        for (String sentence : others) {
            Heard heard = listen(sentence);
            if (heard.wakes() > 0 || !heard.question().isEmpty()) {
                woke.add(sentence + " -> " + heard);
            }
        }

        assertThat(woke).isEmpty();
    }

    @Test
    void aWakeWordWithoutAQuestionGoesBackToWaiting() {
        Heard heard = listen("Hey Parley.", WakeGate.QUESTION_WAIT.toMillis() / 1000.0 + 1, "The weather is nice.");

        assertThat(heard.wakes()).isEqualTo(1);
        assertThat(heard.ended()).isZero();
        assertThat(heard.question()).isEmpty(); // what came later was not a question to Parley
    }

    @Test
    void waitingCostsLittleInSilenceAndAFractionOfACoreWhileOthersTalk() {
        AudioClip quiet = AudioClip.silence(30, SpeechRecognizer.SAMPLE_RATE);
        List<AudioClip> talk = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            talk.add(speech("The weather today is sunny and warm, and I have set a timer for ten minutes."));
            talk.add(silence(1));
        }
        AudioClip chatter = AudioClip.concat(talk, SpeechRecognizer.SAMPLE_RATE);
        try (PhraseSpotter spotter = recognizer.spotter("hey parley")) {
            WakeGate gate = new WakeGate(spotter, recognizer::stream, partial -> { }, PAUSE, () -> { }, () -> { });
            long start = System.nanoTime();
            feed(gate, quiet);
            double silentMs = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            feed(gate, chatter);
            double talkMs = (System.nanoTime() - start) / 1e6;

            assertThat(gate.finish()).isEmpty();
            System.out.printf("MEASURE wake-word wait: %.2f ms per second of silence, %.1f ms per second of other"
                    + " people talking (%.1f %% of one core)%n", silentMs / quiet.durationSeconds(),
                    talkMs / chatter.durationSeconds(), talkMs / chatter.durationSeconds() / 10);
        }
    }

    private static AudioClip speech(String words) {
        return voice.synthesize(words).resampledTo(SpeechRecognizer.SAMPLE_RATE);
    }

    private static AudioClip silence(double seconds) {
        return AudioClip.silence(seconds, SpeechRecognizer.SAMPLE_RATE);
    }

    private static void feed(WakeGate gate, AudioClip clip) {
        float[] samples = clip.samples();
        int block = SpeechRecognizer.SAMPLE_RATE / 10;
        for (int start = 0; start < samples.length; start += block) {
            gate.accept(Arrays.copyOfRange(samples, start, Math.min(samples.length, start + block)));
        }
    }
}
