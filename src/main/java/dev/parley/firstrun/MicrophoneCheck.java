package dev.parley.firstrun;

import dev.parley.audio.AudioClip;
import java.time.Duration;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/**
 * Listens on the default input device for a few seconds and reports its level every block, so the
 * user sees the meter move while speaking. Succeeds when something louder than
 * {@link LevelMeter#SPEECH_DBFS} was heard.
 */
public final class MicrophoneCheck {

    /** Called on the capturing thread with each block's RMS level in dBFS. */
    @FunctionalInterface
    public interface LevelListener {
        void level(double rmsDbfs);
    }

    /** What the check found: no device ({@code problem} says why), silence, or a voice. */
    public record Result(boolean deviceFound, double peakDbfs, String problem) {

        public boolean heardSomething() {
            return deviceFound && peakDbfs > LevelMeter.SPEECH_DBFS;
        }

        public String describe() {
            if (!deviceFound) {
                return "no microphone: " + problem;
            }
            return heardSomething()
                    ? "microphone works (loudest %d dB)".formatted(Math.round(peakDbfs))
                    : "microphone found but it heard (almost) nothing (loudest %d dB): is it muted?"
                            .formatted(Math.round(peakDbfs));
        }
    }

    private static final int RATE = 16_000;
    private static final int BLOCK_MS = 50;

    /** Listens for {@code duration}; never throws for a missing or busy device, it reports it. */
    public Result listen(Duration duration, LevelListener listener) {
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        TargetDataLine line;
        try {
            line = (TargetDataLine) AudioSystem.getLine(new DataLine.Info(TargetDataLine.class, format));
            line.open(format);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            return new Result(false, LevelMeter.FLOOR_DBFS, String.valueOf(e.getMessage()));
        }
        try {
            line.start();
            return new Result(true, measure(line, duration, listener), null);
        } finally {
            line.stop();
            line.close();
        }
    }

    private static double measure(TargetDataLine line, Duration duration, LevelListener listener) {
        byte[] block = new byte[RATE * BLOCK_MS / 1000 * 2];
        long blocks = Math.max(1, duration.toMillis() / BLOCK_MS);
        double peak = LevelMeter.FLOOR_DBFS;
        for (long i = 0; i < blocks; i++) {
            int read = line.read(block, 0, block.length);
            if (read <= 0) {
                break;
            }
            float[] samples = AudioClip.fromPcm16le(java.util.Arrays.copyOf(block, read - read % 2), RATE).samples();
            listener.level(LevelMeter.rmsDbfs(samples, 0, samples.length));
            peak = Math.max(peak, LevelMeter.peakDbfs(samples, 0, samples.length));
        }
        return peak;
    }
}
