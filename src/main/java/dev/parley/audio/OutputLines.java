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

/** Finds an output device by name and opens a 16-bit line on it in a format it accepts. */
final class OutputLines {

    private OutputLines() {
    }

    static List<String> deviceNames() {
        return AudioDevices.OUTPUT.names();
    }

    /**
     * Opens 16-bit little-endian PCM on the named device (null: the default) at {@code preferredRate}
     * if the device takes it, else at a common rate; in mono if possible, else stereo (raw hardware
     * devices often accept only two channels).
     */
    static SourceDataLine open(String deviceName, int preferredRate) throws AudioDeviceException {
        SoundServerLatency.request();
        Mixer.Info device = AudioDevices.OUTPUT.find(deviceName);
        Set<Integer> rates = new LinkedHashSet<>();
        rates.add(preferredRate);
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
                    return line;
                } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                    refusals.add(rate + " Hz " + (channels == 1 ? "mono" : "stereo") + ": " + e.getMessage());
                }
            }
        }
        String which = device == null ? "The default audio output" : "Audio output '" + device.getName() + "'";
        throw new AudioDeviceException(which + " refused 16-bit audio in every format tried ("
                + String.join("; ", refusals) + "). Another program may hold the device exclusively: close it,"
                + " or choose another device: " + AudioDevices.OUTPUT.available());
    }

    /** The clip as 16-bit PCM frames for {@code format}: resampled, and copied to both channels if stereo. */
    static byte[] frames(AudioClip clip, AudioFormat format) {
        byte[] mono = clip.resampledTo((int) format.getSampleRate()).toPcm16le();
        if (format.getChannels() == 1) {
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
