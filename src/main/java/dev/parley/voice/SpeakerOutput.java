package dev.parley.voice;

import dev.parley.audio.AudioClip;
import dev.parley.audio.AudioDeviceException;
import dev.parley.audio.Earcon;
import dev.parley.audio.Playback;
import dev.parley.audio.Speaker;
import dev.parley.pipeline.SpeechSink;
import dev.parley.pipeline.TurnClock;
import dev.parley.tts.SpeechSynthesizer;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Answers played on an output device: one {@link Playback} per answer, so a stopped one never plays on. */
public final class SpeakerOutput implements SpeechOutput {

    private static final Logger LOG = LogManager.getLogger(SpeakerOutput.class);

    private final SpeechSynthesizer voice;
    private final Speaker speaker;
    private final boolean wakeSound;

    public SpeakerOutput(SpeechSynthesizer voice, Speaker speaker) {
        this(voice, speaker, false);
    }

    /** @param wakeSound whether {@link #wakeCue()} plays the cue ({@code voice.wake-sound}) */
    public SpeakerOutput(SpeechSynthesizer voice, Speaker speaker, boolean wakeSound) {
        this.voice = voice;
        this.speaker = speaker;
        this.wakeSound = wakeSound;
    }

    /**
     * Plays on its own {@link Playback}, so it reaches the echo canceller's far end like any answer
     * and is removed from what the microphone hears; it is no turn, so nothing records it.
     */
    @Override
    public void wakeCue() {
        if (!wakeSound) {
            return;
        }
        try {
            Playback cue = speaker.open(voice.sampleRate(), new Playback.Listener() { });
            cue.enqueue(Earcon.wakeCue(voice.sampleRate()));
            cue.endOfInput();
        } catch (AudioDeviceException e) {
            LOG.warn("The wake sound could not play: {}", e.getMessage());
        }
    }

    @Override
    public void readyForTalkOver() {
        try {
            speaker.prepare(voice.sampleRate());
        } catch (AudioDeviceException e) {
            LOG.debug("The output line could not be opened ahead of the first answer: {}", e.getMessage());
        }
    }

    @Override
    public void talkOverEnded() {
        speaker.endTalkOver();
    }

    @Override
    public SpeechSynthesizer voice() {
        return voice;
    }

    @Override
    public SpeechSink open(TurnClock clock, Runnable speaking, Consumer<String> heard) throws AudioDeviceException {
        return new PlaybackSink(clock, speaking, heard);
    }

    /** One answer played on the device: pieces go to its playback queue the moment they are synthesized. */
    private final class PlaybackSink extends PlayedAnswer {

        private final Playback playback;

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
        protected void play(AudioClip piece) {
            playback.enqueue(piece);
        }

        @Override
        protected Playback.Position stopPlaying() {
            return playback.stop();
        }

        /** Not under this sink's lock: a barge-in's {@link #silence()} gets in meanwhile and ends the wait. */
        @Override
        public void awaitRoom() throws InterruptedException {
            playback.awaitRoom();
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
            failIfSilenced();
        }
    }
}
