package dev.parley.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.parley.audio.echo.EchoCancellers;
import dev.parley.audio.echo.EchoOptions;
import dev.parley.audio.echo.EchoReturnLossEnhancement;
import dev.parley.audio.echo.LiveEchoCancellation;
import dev.parley.testing.Loopback;
import dev.parley.tts.MaryTtsSynthesizer;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The live path on a real sound server: what the {@link Speaker} plays reaches the {@link Microphone}
 * through the null sink's monitor, and the microphone sharing the speaker's {@link LiveEchoCancellation}
 * hears almost none of it, while a second microphone without it hears it all.
 */
@Tag("audio")
class EchoCancellationLoopbackTest {

    private static final String REPLY = "It is sunny and warm in the city today. The high will be twenty four degrees."
            + " A light breeze comes from the west this afternoon.";

    @Test
    void theMicrophoneSharingTheSpeakersCancellerDoesNotHearParleysVoice() throws Exception {
        Loopback.requireDevices();
        AudioClip reply;
        try (MaryTtsSynthesizer voice = MaryTtsSynthesizer.start("cmu-slt-hsmm")) {
            reply = voice.synthesize(REPLY);
        }
        try (LiveEchoCancellation echo = new LiveEchoCancellation(
                        EchoCancellers.create(new EchoOptions(true, false, false, true)));
                Loopback alive = Loopback.keepAlive();
                Microphone raw = Microphone.open(null, Duration.ZERO, MicrophoneListener.NONE);
                Microphone cancelled = Microphone.open(null, Duration.ZERO, MicrophoneListener.NONE, echo)) {
            assumeThat(echo.cancelsEcho()).as("the WebRTC native library loads").isTrue();
            Thread.sleep(1500); // the sound server's start-up: the monitor delivers after up to 2 s
            Recording rawRecording = raw.startRecording(block -> { });
            Recording cancelledRecording = cancelled.startRecording(block -> { });

            new Speaker(null, echo).play(reply);

            // Stopped together, so the two recordings end at the same moment (within a block).
            float[] heardRaw = rawRecording.stop().samples();
            float[] heardCancelled = cancelledRecording.stop().samples();
            int length = Math.min(heardRaw.length, heardCancelled.length);
            int lastSeconds = Math.min(length, 5 * Microphone.SAMPLE_RATE); // adapted by then
            EchoReturnLossEnhancement erle = EchoReturnLossEnhancement.measure(
                    Arrays.copyOfRange(heardRaw, heardRaw.length - lastSeconds, heardRaw.length),
                    Arrays.copyOfRange(heardCancelled, heardCancelled.length - lastSeconds, heardCancelled.length));
            System.out.printf("live ERLE over the last %.1f s: p50 %.1f dB, p10 %.1f dB (%d segments)%n",
                    lastSeconds / 16000.0, erle.p50(), erle.p10(), erle.segmentsDb().length);

            assertThat(erle.segmentsDb()).as("the raw microphone heard the reply").hasSizeGreaterThan(10);
            // Measured on the null sink: p50 69-74 dB, p10 47-57 dB; 25 dB is the goal.
            assertThat(erle.p50()).as("live ERLE p50").isGreaterThanOrEqualTo(25);
        }
    }
}
