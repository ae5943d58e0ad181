package dev.parley.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.audio.echo.EchoReference;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Answers taking turns on one line kept open (talk-over), on a real output device (the PulseAudio null
 * sink on CI), checked by ear through the sink's monitor and by what the echo canceller is told.
 */
@Tag("audio")
class KeptOutputLineTest {

    private static final int RATE = 16_000;

    /** Counts what the line reports as played, as the echo canceller's far end. */
    private final AtomicLong referenceSamples = new AtomicLong();
    private final AtomicInteger ranDry = new AtomicInteger();
    private final EchoReference reference = new EchoReference() {
        @Override
        public void played(float[] samples) {
            referenceSamples.addAndGet(samples.length);
        }

        @Override
        public void ranDry() {
            ranDry.incrementAndGet();
        }
    };

    @BeforeEach
    void needsAnOutputDevice() {
        SinkMonitor.requireOutputDevice();
    }

    @Test
    void answersPlayOneAfterAnotherOnOneLineThatStaysFedBetweenThem() throws Exception {
        try (KeptOutputLine kept = new KeptOutputLine()) {
            Speaker speaker = new Speaker(null, reference, kept, () -> true);
            speaker.prepare(RATE);
            Thread.sleep(300);
            long fedFrom = System.nanoTime();
            long fedBefore = referenceSamples.get();
            AudioClip heard = SinkMonitor.listenWhile(() -> {
                for (int answer = 0; answer < 2; answer++) {
                    Playback playback = speaker.open(RATE, new Playback.Listener() { });
                    playback.enqueue(Signals.sine(1000, 0.5, 0.4, RATE));
                    playback.endOfInput();
                    assertThat(playback.done().get(5, TimeUnit.SECONDS)).as("answer %d played to its end", answer)
                            .isTrue();
                    Thread.sleep(500); // between answers: the line plays silence
                }
            });
            double fedSeconds = (referenceSamples.get() - fedBefore) / 16_000.0;
            double elapsedSeconds = (System.nanoTime() - fedFrom) / 1e9;

            assertThat(Signals.toneSeconds(heard)).as("seconds of tone heard").isCloseTo(0.8, within(0.05));
            // The far end flowed all along, silence included, at the device's pace (the lead ahead of it).
            assertThat(fedSeconds).as("seconds reported to the echo canceller").isCloseTo(elapsedSeconds, within(0.4));
        }
    }

    @Test
    void aStopCutsTheAnswerOffAndTheNextOnePlaysInFullOnTheSameLine() throws Exception {
        try (KeptOutputLine kept = new KeptOutputLine()) {
            Speaker speaker = new Speaker(null, reference, kept, () -> true);
            speaker.prepare(RATE); // hands-free listening started
            AudioClip heard = SinkMonitor.listenWhile(() -> {
                Playback first = speaker.open(RATE, new Playback.Listener() { });
                first.enqueue(Signals.sine(1000, 0.5, 3.0, RATE));
                Thread.sleep(1000);
                Playback.Position stoppedAt = first.stop();
                assertThat(first.done().get(1, TimeUnit.SECONDS)).isFalse();
                assertThat(stoppedAt.clip()).isZero();
                Thread.sleep(500);
                Playback second = speaker.open(RATE, new Playback.Listener() { });
                second.enqueue(Signals.sine(1000, 0.5, 0.5, RATE));
                second.endOfInput();
                assertThat(second.done().get(5, TimeUnit.SECONDS)).isTrue();
            });

            // ~0.9-1.0 s of the first (the line's lead is flushed at the stop), then all 0.5 s of the second
            assertThat(Signals.toneSeconds(heard)).as("seconds of tone heard").isBetween(1.2, 1.7);
        }
    }

    @Test
    void closingTheLineEndsWhatStillPlaysAsNotHeardToItsEnd() throws Exception {
        KeptOutputLine kept = new KeptOutputLine();
        Speaker speaker = new Speaker(null, reference, kept, () -> true);
        speaker.prepare(RATE);
        Playback playback = speaker.open(RATE, new Playback.Listener() { });
        playback.enqueue(Signals.sine(1000, 0.5, 3.0, RATE));
        Thread.sleep(300);

        kept.close();

        assertThat(playback.done().get(2, TimeUnit.SECONDS)).isFalse();
        Playback next = speaker.open(RATE, new Playback.Listener() { }); // a new line opens
        next.enqueue(Signals.sine(1000, 0.5, 0.2, RATE));
        next.endOfInput();
        assertThat(next.done().get(5, TimeUnit.SECONDS)).isTrue();
        kept.close();
    }

    @Test
    void endingTalkOverClosesAnIdleLineAtOnceAndAPlayingOneOnceItsAnswerEnds() throws Exception {
        try (KeptOutputLine kept = new KeptOutputLine()) {
            Speaker speaker = new Speaker(null, reference, kept, () -> true);
            speaker.prepare(RATE);
            assertThat(kept.isOpen()).isTrue();

            speaker.endTalkOver(); // hands-free switched off while Parley is quiet

            assertThat(kept.isOpen()).as("an idle line closes at once").isFalse();

            speaker.prepare(RATE);
            Playback answer = speaker.open(RATE, new Playback.Listener() { });
            answer.enqueue(Signals.sine(1000, 0.5, 0.8, RATE));
            answer.endOfInput();
            Thread.sleep(200);
            speaker.endTalkOver(); // switched off while Parley speaks

            assertThat(kept.isOpen()).as("open while its answer plays").isTrue();
            assertThat(answer.done().get(5, TimeUnit.SECONDS)).as("the answer plays to its end").isTrue();
            for (int i = 0; i < 50 && kept.isOpen(); i++) {
                Thread.sleep(20);
            }
            assertThat(kept.isOpen()).as("closed once the answer ended").isFalse();
            Playback next = speaker.open(RATE, new Playback.Listener() { }); // push-to-talk: a line of its own
            next.enqueue(Signals.sine(1000, 0.5, 0.2, RATE));
            next.endOfInput();
            assertThat(next.done().get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(kept.isOpen()).as("not reopened without hands-free").isFalse();
        }
    }

    @Test
    void voiceOverTheAnswerLowersItWhileItLastsAndTheNextAnswerStartsAtFullLevel() throws Exception {
        try (KeptOutputLine kept = new KeptOutputLine()) {
            Speaker speaker = new Speaker(null, reference, kept, () -> true);
            speaker.prepare(RATE);
            AudioClip heard = SinkMonitor.listenWhile(() -> {
                Playback answer = speaker.open(RATE, new Playback.Listener() { });
                answer.enqueue(Signals.sine(1000, 0.5, 3.0, RATE));
                answer.endOfInput();
                Thread.sleep(300);
                hearVoice(kept.ducking(), 1400); // from 0.3 s on: not lowered in the answer's first 1.5 s
                kept.ducking().voiceOver(false); // it ended without a barge-in
                assertThat(answer.done().get(5, TimeUnit.SECONDS)).isTrue();
                kept.ducking().voiceOver(true); // left on by listening that ended oddly
                Playback next = speaker.open(RATE, new Playback.Listener() { });
                next.enqueue(Signals.sine(1000, 0.5, 0.5, RATE));
                next.endOfInput();
                assertThat(next.done().get(5, TimeUnit.SECONDS)).isTrue();
            });

            // 3.0 s + 0.5 s of tone, of which ~0.2 s (1.5-1.7 s into the first) 30 dB down (0.016: below
            // toneSeconds' 0.1); ~1.4 s would be without the answer's first 1.5 s kept at full level
            assertThat(Signals.toneSeconds(heard)).as("seconds of tone heard at full level").isBetween(3.1, 3.4);
            assertThat(kept.ducking().hearing()).isFalse();
        }
    }

    /** Says "voice over the answer" every 25 ms for {@code millis}, as the microphone's gate does. */
    private static void hearVoice(Ducking ducking, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            ducking.voiceOver(true);
            Thread.sleep(25);
        }
    }
}
