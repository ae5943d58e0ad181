package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** MaryTTS's vocoder runs on a thread per sentence, which must end once the sentence is read. */
@Tag("real")
class VocoderThreadsTest {

    @Test
    void noVocoderThreadIsLeftWaitingAfterTheVoiceStartsAndSpeaks() throws InterruptedException {
        try (MaryTtsSynthesizer voice = MaryTtsSynthesizer.start("cmu-slt-hsmm")) {
            voice.synthesize("Hello there.");
            voice.synthesize("And once more.", piece -> {});

            long deadline = System.nanoTime() + 5_000_000_000L;
            while (vocoderThreads() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(vocoderThreads()).isZero();
        }
    }

    private static long vocoderThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().isAlive() && Arrays.stream(e.getValue())
                        .anyMatch(frame -> frame.getClassName().startsWith("marytts.htsengine.HTSVocoder")))
                .count();
    }
}
