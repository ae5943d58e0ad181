package dev.parley.voice;

import dev.parley.audio.AudioClip;
import dev.parley.audio.Playback;
import dev.parley.pipeline.SpeechSink;
import dev.parley.pipeline.TurnClock;
import dev.parley.testing.FakeSynthesizer;
import dev.parley.tts.SpeechSynthesizer;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An output "device" for the voice loop's unit tests: each answer is played by a thread that takes
 * as long as the audio lasts (divided by {@code speedUp}), so playback has a position, can be
 * silenced mid-chunk and says what was heard, with no sound device.
 */
final class FakeSpeechOutput implements SpeechOutput {

    private final FakeSynthesizer voice;
    private final double speedUp;

    FakeSpeechOutput(FakeSynthesizer voice, double speedUp) {
        this.voice = voice;
        this.speedUp = speedUp;
    }

    private final java.util.concurrent.atomic.AtomicInteger talkOversEnded = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public SpeechSynthesizer voice() {
        return voice;
    }

    @Override
    public void talkOverEnded() {
        talkOversEnded.incrementAndGet();
    }

    /** How often the loop said hands-free listening ended. */
    int talkOversEnded() {
        return talkOversEnded.get();
    }

    @Override
    public SpeechSink open(TurnClock clock, Runnable speaking, Consumer<String> heard) {
        return new Sink(clock, speaking, heard);
    }

    private final class Sink extends PlayedAnswer {

        private final LinkedBlockingQueue<AudioClip> queue = new LinkedBlockingQueue<>();
        private final Thread player;
        private volatile boolean ended;
        private volatile int playing;
        private volatile double fraction;

        Sink(TurnClock clock, Runnable speaking, Consumer<String> heard) {
            player = Thread.ofPlatform().daemon(true).name("fake-playback").start(() -> {
                try {
                    while (!(ended && queue.isEmpty())) {
                        AudioClip piece = queue.poll(5, TimeUnit.MILLISECONDS);
                        if (piece == null) {
                            continue;
                        }
                        if (playing == 0 && fraction == 0) {
                            clock.markFirstSound();
                            speaking.run();
                        }
                        playFor(piece.durationSeconds());
                        String soFar = pieces.heardAfter(playing);
                        fraction = 0;
                        playing++;
                        if (soFar != null) {
                            heard.accept(soFar);
                        }
                    }
                } catch (InterruptedException stopped) {
                    // silenced
                }
            });
        }

        private void playFor(double seconds) throws InterruptedException {
            long nanos = (long) (seconds * 1e9 / speedUp);
            long start = System.nanoTime();
            long elapsed;
            while ((elapsed = System.nanoTime() - start) < nanos) {
                fraction = (double) elapsed / nanos;
                TimeUnit.NANOSECONDS.sleep(Math.min(1_000_000, nanos - elapsed));
            }
        }

        @Override
        protected void play(AudioClip piece) {
            queue.add(piece);
        }

        @Override
        protected Playback.Position stopPlaying() {
            player.interrupt();
            return new Playback.Position(playing, fraction);
        }

        @Override
        public void finish() throws InterruptedException {
            ended = true;
            player.join();
            failIfSilenced();
        }
    }
}
