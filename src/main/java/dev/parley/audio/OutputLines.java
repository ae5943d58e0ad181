package dev.parley.audio;

import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

/** Finds an output device by name and opens a 16-bit line on it in a format it accepts. */
final class OutputLines {

    private OutputLines() {
    }

    static List<String> deviceNames() {
        return AudioDevices.OUTPUT.names();
    }

    /** A 16-bit line on the named device (null: the default), as {@link AudioDevices#open16Bit} finds one. */
    static SourceDataLine open(String deviceName, int preferredRate) throws AudioDeviceException {
        return AudioDevices.OUTPUT.open16Bit(deviceName, preferredRate, (device, format) -> {
            SourceDataLine line = AudioSystem.getSourceDataLine(format, device);
            // The line's own buffer size (0.5 s on Linux), not ours: through ALSA's PulseAudio
            // plugin, asking for 0.1-0.25 s played at half speed and asking for 1 s silently
            // dropped half the audio.
            line.open(format);
            return line;
        });
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
