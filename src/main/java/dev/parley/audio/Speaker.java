package dev.parley.audio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays clips on an audio output device through Java Sound, one clip at a time, blocking until the
 * device has played the last sample.
 *
 * <p>Interrupting the playing thread is the way to stop early (barge-in): within a few milliseconds the
 * line stops and discards what it still buffers, and {@link #play} returns normally with the interrupt
 * flag still set.
 */
public final class Speaker {

    /** Small blocks keep an interrupt responsive; the line's buffer keeps the device fed between them. */
    private static final double BLOCK_SECONDS = 0.02;
    private static final int POLL_MILLIS = 5;
    /** How long a device may take no audio (or report no progress) before it counts as stuck. */
    private static final long STALL_NANOS = 3_000_000_000L;

    private final String deviceName;

    /**
     * @param deviceNameOrNullForDefault part of an output device's name as listed by
     *     {@link #outputDeviceNames()} (case-insensitive), or null or blank for the system default
     */
    public Speaker(String deviceNameOrNullForDefault) {
        this.deviceName = deviceNameOrNullForDefault == null || deviceNameOrNullForDefault.isBlank()
                ? null
                : deviceNameOrNullForDefault.strip();
    }

    /** Names of the devices that can play audio, in Java Sound's order. */
    public static List<String> outputDeviceNames() {
        return AudioDevices.OUTPUT.names();
    }

    /** Plays {@code clip} and returns once it has been heard (or the thread was interrupted). */
    public void play(AudioClip clip) throws AudioDeviceException {
        Mixer.Info device = AudioDevices.OUTPUT.find(deviceName);
        OpenLine open = openLine(device, clip.sampleRate());
        SourceDataLine line = open.line;
        try {
            AudioClip playable = clip.resampledTo((int) open.format.getSampleRate());
            byte[] pcm = interleaved(playable.toPcm16le(), open.format.getChannels());
            int frameBytes = open.format.getFrameSize();
            int blockBytes = Math.max(1, (int) (open.format.getSampleRate() * BLOCK_SECONDS)) * frameBytes;
            line.start();
            boolean finished = writeAll(line, pcm, Math.min(blockBytes, line.getBufferSize()))
                    && awaitPlayed(line, pcm.length / frameBytes);
            if (finished) {
                line.drain(); // returns at once by now; kept for devices whose frame position lags
            } else {
                line.stop();
                line.flush();
                Thread.currentThread().interrupt();
            }
        } finally {
            line.close();
        }
    }

    /**
     * Writes {@code pcm} block by block, returning false (with the interrupt flag cleared) if the thread
     * was interrupted. It writes only what fits and waits itself, because a blocking
     * {@code SourceDataLine.write} waits in a loop that swallows {@link InterruptedException}.
     */
    private static boolean writeAll(SourceDataLine line, byte[] pcm, int blockBytes) throws AudioDeviceException {
        long lastProgress = System.nanoTime();
        try {
            for (int at = 0; at < pcm.length; ) {
                if (Thread.interrupted()) {
                    return false;
                }
                int length = Math.min(blockBytes, pcm.length - at);
                if (line.available() >= length) {
                    at += line.write(pcm, at, length);
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL_NANOS) {
                    throw new AudioDeviceException("The audio output stopped taking audio for "
                            + STALL_NANOS / 1_000_000_000 + " s; the device may have been unplugged or suspended."
                            + " Check it, or choose another one: " + AudioDevices.OUTPUT.available());
                } else {
                    Thread.sleep(POLL_MILLIS);
                }
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /**
     * Waits until the line reports every frame played; false if interrupted first. {@code drain()} alone
     * is not enough: through ALSA's PulseAudio plugin it returns as soon as ALSA's buffer is empty, up to
     * a second before the sound server has played that audio, and {@code close()} then cuts it off.
     * Bounded, in case a device never reports the last frames.
     */
    private static boolean awaitPlayed(SourceDataLine line, long frames) {
        AudioFormat format = line.getFormat();
        long bufferNanos = (long) (1e9 * line.getBufferSize() / format.getFrameSize() / format.getSampleRate());
        long deadline = System.nanoTime() + bufferNanos + STALL_NANOS;
        try {
            while (line.getLongFramePosition() < frames && System.nanoTime() < deadline) {
                Thread.sleep(POLL_MILLIS);
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private record OpenLine(SourceDataLine line, AudioFormat format) {
    }

    /**
     * Opens 16-bit little-endian PCM at the clip's rate if the device takes it, else at a common rate; in
     * mono if possible, else stereo (raw hardware devices often accept only two channels).
     */
    private OpenLine openLine(Mixer.Info device, int clipRate) throws AudioDeviceException {
        Set<Integer> rates = new LinkedHashSet<>();
        rates.add(clipRate);
        for (int rate : AudioDevices.COMMON_RATES) {
            rates.add(rate);
        }
        List<String> refusals = new ArrayList<>();
        for (int rate : rates) {
            for (int channels = 1; channels <= 2; channels++) {
                AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
                try {
                    SourceDataLine line = AudioSystem.getSourceDataLine(format, device);
                    // The line's own buffer size (0.5 s on Linux), not ours: through ALSA's PulseAudio
                    // plugin, asking for 0.1-0.25 s played at half speed and asking for 1 s silently
                    // dropped half the audio.
                    line.open(format);
                    return new OpenLine(line, format);
                } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                    refusals.add(rate + " Hz " + (channels == 1 ? "mono" : "stereo") + ": " + e.getMessage());
                }
            }
        }
        String which = device == null ? "The default audio output" : "Audio output '" + device.getName() + "'";
        throw new AudioDeviceException(which + " refused 16-bit audio in every format tried (" + String.join("; ", refusals)
                + "). Another program may hold the device exclusively: close it, or choose another device: "
                + AudioDevices.OUTPUT.available());
    }

    /** Mono 16-bit PCM as is, or each sample copied to both channels of a stereo frame. */
    private static byte[] interleaved(byte[] mono, int channels) {
        if (channels == 1) {
            return mono;
        }
        byte[] stereo = new byte[mono.length * 2];
        for (int i = 0, o = 0; i < mono.length; i += 2, o += 4) {
            stereo[o] = mono[i];
            stereo[o + 1] = mono[i + 1];
            stereo[o + 2] = mono[i];
            stereo[o + 3] = mono[i + 1];
        }
        return stereo;
    }
}
