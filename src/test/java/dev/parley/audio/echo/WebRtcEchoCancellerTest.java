package dev.parley.audio.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.AudioClip;
import dev.parley.audio.WavFiles;
import dev.parley.bench.SimulatedRoom;
import dev.parley.bench.VoiceBench;
import dev.parley.config.ParleyPaths;
import dev.parley.stt.VoskRecognizer;
import dev.parley.bench.WordErrorRate;
import dev.parley.tts.MaryTtsSynthesizer;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real WebRTC canceller on Parley's real voice played into a simulated room, with a different
 * voice (a recording of a user) talking over it: the echo goes, the user stays.
 */
@Tag("real") // the real voice, speech model and native library
class WebRtcEchoCancellerTest {

    private static final int RATE = EchoCanceller.SAMPLE_RATE;
    private static final String USER_WORDS = "what is the weather like today";
    /** The user starts talking here, well after the canceller has adapted. */
    private static final double USER_STARTS_SECONDS = 7;

    private static float[] played;
    private static float[] user;
    private static VoskRecognizer recognizer;

    @BeforeAll
    static void start() throws Exception {
        try (MaryTtsSynthesizer voice = MaryTtsSynthesizer.start("cmu-slt-hsmm")) {
            float[] reply = voice.synthesize(VoiceBench.REPLY).resampledTo(RATE).samples();
            played = new float[reply.length + RATE / 2];
            System.arraycopy(reply, 0, played, RATE / 2, reply.length);
        }
        user = WavFiles.readMono(Path.of("src/test/resources/audio/weather-16k-s16-mono.wav")).resampledTo(RATE)
                .samples();
        recognizer = VoskRecognizer.load(ParleyPaths.fromEnvironment().bundledSpeechModel());
    }

    @AfterAll
    static void stop() {
        recognizer.close();
    }

    @ParameterizedTest(name = "{0} ms")
    @ValueSource(ints = {20, 60, 120, 250})
    void removesTheEchoOfItsOwnVoiceAndKeepsTheUserTalkingOverIt(int delayMs) {
        float[] echo = SimulatedRoom.withDelay(delayMs).echoOf(played, RATE);
        int userAt = (int) (USER_STARTS_SECONDS * RATE);
        float[] microphone = echo.clone();
        for (int i = 0; i < user.length; i++) {
            microphone[userAt + i] += user[i];
        }

        float[] cancelled;
        try (EchoCanceller canceller = EchoCancellers.create(new EchoOptions(true, false, false, true))) {
            assertThat(canceller.cancelsEcho()).as("the native library loads on this machine").isTrue();
            cancelled = canceller.processAll(played, microphone);
        }

        // Echo only: from 2 s (adapted) up to the user's first word.
        int from = 2 * RATE;
        EchoReturnLossEnhancement erle = EchoReturnLossEnhancement.measure(
                Arrays.copyOfRange(echo, from, userAt), Arrays.copyOfRange(cancelled, from, userAt));
        // Measured 58-72 dB p50 on this signal; 20 dB already makes the echo too quiet to start a turn.
        assertThat(erle.p50()).as("ERLE p50 at %d ms", delayMs).isGreaterThanOrEqualTo(20);

        float[] userOut = Arrays.copyOfRange(cancelled, userAt, userAt + user.length);
        // Measured: the user loses 2-3 dB while Parley talks over them (1 dB with no echo at all).
        assertThat(rmsDb(userOut)).as("the user's level after cancellation")
                .isCloseTo(rmsDb(user), Offset.offset(4.0));
        // Measured: 2-4 of the 6 words wrong, mostly the first and last ones, spoken over an echo as loud
        // as the user; the raw microphone inserts Parley's words (6-9 wrong).
        String heard = recognizer.transcribe(new AudioClip(withPadding(userOut), RATE));
        String heardRaw = recognizer.transcribe(new AudioClip(
                withPadding(Arrays.copyOfRange(microphone, userAt, userAt + user.length)), RATE));
        assertThat(heard).as(heard).containsAnyOf("weather like", "whether like");
        assertThat(WordErrorRate.of(USER_WORDS, heard)).as(heard)
                .isLessThan(WordErrorRate.of(USER_WORDS, heardRaw));
    }

    private static float[] withPadding(float[] speech) {
        float[] padded = new float[speech.length + RATE];
        System.arraycopy(speech, 0, padded, RATE / 2, speech.length);
        return padded;
    }

    private static double rmsDb(float[] samples) {
        double sum = 0;
        for (float sample : samples) {
            sum += sample * sample;
        }
        return 10 * Math.log10(sum / samples.length + 1e-20);
    }
}
