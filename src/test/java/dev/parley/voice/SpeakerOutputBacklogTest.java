package dev.parley.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.parley.audio.AudioClip;
import dev.parley.audio.Speaker;
import dev.parley.llm.LlmException;
import dev.parley.pipeline.Speech;
import dev.parley.pipeline.SpeechSink;
import dev.parley.pipeline.TurnClock;
import dev.parley.pipeline.TurnRunner;
import dev.parley.pipeline.WavSink;
import dev.parley.testing.FakeLanguageModel;
import dev.parley.text.SentenceChunker;
import dev.parley.tts.SpeechSynthesizer;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A long text's speech on a real output device (the null sink on CI): synthesis, much faster than
 * playback, may run only a bounded way ahead of it, so the memory an answer holds does not grow with
 * its length (a 50,000-character /speak held about 1 MB more of audio for every second it played).
 */
@Tag("audio")
class SpeakerOutputBacklogTest {

    private static final int RATE = 16_000;
    /** Ten minutes of speech, one second a sentence. */
    private static final int SENTENCES = 600;

    @BeforeEach
    void needsAnOutputDevice() {
        if (!Boolean.getBoolean("parley.requireAudio")) {
            assumeThat(Speaker.outputDeviceNames()).as("an audio output device").isNotEmpty();
        }
    }

    @Test
    void aSynthesizerFarAheadOfPlaybackWaitsOutsideTheVoiceUntilTheAnswerIsSilenced() throws Exception {
        LockedVoice voice = new LockedVoice();
        SpeakerOutput output = new SpeakerOutput(voice, new Speaker(null));
        TurnClock clock = new TurnClock();
        SpeechSink sink = output.open(clock, () -> { }, heard -> { });
        AtomicReference<Thread> synthesisThread = new AtomicReference<>();
        TurnRunner runner = new TurnRunner(new FakeLanguageModel("fake"), null, new SentenceChunker.Settings(3, 200),
                task -> {
                    Thread thread = Thread.ofPlatform().daemon().name("test-synthesis").unstarted(task);
                    synthesisThread.set(thread);
                    return thread;
                });
        AtomicReference<Throwable> speakEnded = new AtomicReference<>();
        Thread speaking = Thread.ofPlatform().name("test-speak").start(() -> {
            try {
                runner.speak("One sentence of speech here. ".repeat(SENTENCES), clock, event -> { },
                        new Speech(voice, sink));
            } catch (RuntimeException e) {
                speakEnded.set(e);
            }
        });

        while (synthesisThread.get() == null || !waitingOnAMonitor(synthesisThread.get()) && speaking.isAlive()) {
            Thread.onSpinWait();
        }
        assertThat(speaking.isAlive()).as("the turn, %d sentences synthesized", voice.synthesized.get()).isTrue();
        assertThat(voice.synthesized.get()).isLessThan(SENTENCES / 10);
        // MaryTTS holds its lock while it hands out pieces: waiting in there would hold up a save's tune().
        assertThat(lockedMonitors(synthesisThread.get())).as("what the waiting synthesis thread holds")
                .doesNotContain(LockedVoice.class.getName());

        speaking.interrupt(); // a barge-in
        speaking.join();
        assertThat(speakEnded.get()).isInstanceOfSatisfying(LlmException.class,
                cancelled -> assertThat(cancelled.kind()).isEqualTo(LlmException.Kind.CANCELLED));
        // The one synthesis thread is free again: the next turn is spoken.
        WavSink next = new WavSink(RATE);
        runner.speak("The next turn.", new TurnClock(), event -> { }, new Speech(voice, next));
        assertThat(next.audio().durationSeconds()).isEqualTo(1.0);
        runner.close();
    }

    /** In Object.wait: held back, not a queue's lock met for a moment (a park). */
    private static boolean waitingOnAMonitor(Thread thread) {
        return thread.getState() == Thread.State.WAITING && Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals("java.lang.Object") && frame.getMethodName().startsWith("wait"));
    }

    private static java.util.List<String> lockedMonitors(Thread thread) {
        return Arrays.stream(ManagementFactory.getThreadMXBean().getThreadInfo(new long[] {thread.threadId()}, true,
                false)[0].getLockedMonitors()).map(MonitorInfo::getClassName).toList();
    }

    /** A second of silence a sentence, handed out under the voice's lock as MaryTTS does. */
    private static final class LockedVoice implements SpeechSynthesizer {

        final AtomicInteger synthesized = new AtomicInteger();

        @Override
        public synchronized AudioClip synthesize(String text) {
            return synthesize(text, piece -> { });
        }

        @Override
        public synchronized AudioClip synthesize(String text, Consumer<AudioClip> pieces) {
            AudioClip clip = new AudioClip(new float[RATE], RATE);
            pieces.accept(clip);
            synthesized.incrementAndGet();
            return clip;
        }

        @Override
        public synchronized void tune(double rate, double volume) {
        }

        @Override
        public int sampleRate() {
            return RATE;
        }
    }
}
