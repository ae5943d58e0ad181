package dev.parley.firstrun;

import dev.parley.audio.AudioClip;
import dev.parley.audio.AudioDeviceException;
import dev.parley.tts.SpeechSynthesizer;
import java.util.Locale;

/** Speaks a test sentence with the configured voice, so the user hears Parley before the first turn. */
public final class VoiceCheck {

    public static final String TEST_SENTENCE = "Hello, I'm Parley. If you can hear me, your speakers work.";

    /** Plays a clip; {@code Speaker::play} in the app, a recorder in tests. */
    @FunctionalInterface
    public interface Player {
        void play(AudioClip clip) throws AudioDeviceException;
    }

    /** {@code commands}: shell commands that would give this machine speakers, one a line; "" when none apply. */
    public record Result(boolean played, double seconds, String problem, String commands) {
        public Result(boolean played, double seconds, String problem) {
            this(played, seconds, problem, "");
        }

        public String describe() {
            return played ? String.format(Locale.ROOT, "spoke %.1f s of speech", seconds)
                    : "could not play speech: " + AudioDeviceException.inOneLine(problem, commands);
        }
    }

    private final SpeechSynthesizer synthesizer;
    private final Player player;

    public VoiceCheck(SpeechSynthesizer synthesizer, Player player) {
        this.synthesizer = synthesizer;
        this.player = player;
    }

    public Result speak(String sentence) {
        AudioClip speech;
        try {
            speech = synthesizer.synthesize(sentence);
        } catch (RuntimeException e) {
            return new Result(false, 0, "the voice failed: " + e.getMessage());
        }
        try {
            player.play(speech);
            return new Result(true, speech.durationSeconds(), null);
        } catch (AudioDeviceException e) {
            return new Result(false, speech.durationSeconds(), e.words(), e.commands());
        }
    }
}
