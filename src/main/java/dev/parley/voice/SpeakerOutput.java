package dev.parley.voice;

import dev.parley.audio.AudioClip;
import dev.parley.audio.AudioDeviceException;
import dev.parley.audio.Playback;
import dev.parley.audio.Speaker;
import dev.parley.pipeline.SpeechSink;
import dev.parley.pipeline.TurnClock;
import dev.parley.tts.SpeechSynthesizer;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/** Answers played on an output device: one {@link Playback} per answer, so a stopped one never plays on. */
public final class SpeakerOutput implements SpeechOutput {

    private final SpeechSynthesizer voice;
    private final Speaker speaker;

    public SpeakerOutput(SpeechSynthesizer voice, Speaker speaker) {
        this.voice = voice;
        this.speaker = speaker;
    }

    @Override
    public SpeechSynthesizer voice() {
        return voice;
    }

    @Override
    public SpeechSink open(TurnClock clock, Runnable speaking, Consumer<String> heard) throws AudioDeviceException {
        return new PlaybackSink(clock, speaking, heard);
    }

    /**
     * One answer being played: each piece goes to the playback queue the moment it is synthesized,
     * and {@link #silence()} stops it at once and says which words were heard.
     */
    private final class PlaybackSink implements SpeechSink {

        /** Which chunk each piece handed to playback belongs to. */
        private final SpokenPieces pieces = new SpokenPieces();
        private final Playback playback;
        private String silencedAt;

        PlaybackSink(TurnClock clock, Runnable speaking, Consumer<String> heard) {
            playback = speaker.open(voice.sampleRate(), new Playback.Listener() {
                @Override
                public void started(long nanoTime) {
                    clock.markFirstSound();
                    speaking.run();
                }

                @Override
                public void clipPlayed(int index) {
                    String soFar = pieces.heardAfter(index);
                    if (soFar != null) {
                        heard.accept(soFar);
                    }
                }
            });
        }

        @Override
        public synchronized void piece(int chunk, AudioClip piece) {
            if (silencedAt == null) { // a chunk that finished synthesizing after a barge-in is never played
                pieces.piece(chunk, piece.samples().length);
                playback.enqueue(piece);
            }
        }

        @Override
        public synchronized void chunkDone(int chunk, String text) {
            if (silencedAt == null) {
                pieces.chunkDone(chunk, text);
            }
        }

        @Override
        public void finish() throws InterruptedException {
            playback.endOfInput();
            try {
                playback.done().get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof AudioDeviceException device ? device
                        : new IllegalStateException(e.getCause());
            } finally {
                playback.stop();
            }
            synchronized (this) {
                if (silencedAt != null) { // stopped before its end: the answer was not heard whole
                    throw new InterruptedException("The answer was silenced");
                }
            }
        }

        @Override
        public synchronized String silence() {
            if (silencedAt == null) {
                silencedAt = pieces.heard(playback.stop());
            }
            return silencedAt;
        }
    }
}
