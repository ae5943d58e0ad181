package dev.parley.audio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

/** Finds an output device by name and opens a 16-bit line on it in a format it accepts. */
final class OutputLines {

    /** Rates every sound card and sound server accepts, for devices that refuse the clip's own rate. */
    private static final int[] FALLBACK_RATES = {48000, 44100};
    private static final Line.Info OUTPUT_LINE = new Line.Info(SourceDataLine.class);
    private static final String NO_DEVICE = "No audio output device found. On a desktop, check that speakers or"
            + " a headset are connected and enabled. On a headless Linux machine start a sound server with a"
            + " virtual sink and route ALSA to it: pulseaudio -D --exit-idle-time=-1;"
            + " pactl load-module module-null-sink sink_name=parley_null; pactl set-default-sink parley_null;"
            + " printf 'pcm.!default { type pulse }\\nctl.!default { type pulse }\\n' > ~/.asoundrc"
            + " (packages pulseaudio and libasound2-plugins).";

    private OutputLines() {
    }

    static List<Mixer.Info> devices() {
        List<Mixer.Info> outputs = new ArrayList<>();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            if (AudioSystem.getMixer(info).isLineSupported(OUTPUT_LINE)) {
                outputs.add(info);
            }
        }
        return outputs;
    }

    static List<String> deviceNames() {
        return devices().stream().map(Mixer.Info::getName).toList();
    }

    /**
     * Opens 16-bit little-endian PCM on the named device (null: the default) at {@code preferredRate}
     * if the device takes it, else at a common rate; in mono if possible, else stereo (raw hardware
     * devices often accept only two channels).
     */
    static SourceDataLine open(String deviceName, int preferredRate) throws AudioDeviceException {
        List<Mixer.Info> outputs = devices();
        if (outputs.isEmpty()) {
            throw new AudioDeviceException(NO_DEVICE);
        }
        Mixer.Info device = deviceName == null ? null : find(deviceName, outputs);
        Set<Integer> rates = new LinkedHashSet<>();
        rates.add(preferredRate);
        for (int rate : FALLBACK_RATES) {
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
                + " or choose another device: " + quotedList(deviceNames()));
    }

    private static Mixer.Info find(String wanted, List<Mixer.Info> outputs) throws AudioDeviceException {
        String needle = wanted.toLowerCase(Locale.ROOT);
        // An exact name wins over one that merely contains the text ("default" vs "default [default]").
        for (Mixer.Info info : outputs) {
            if (info.getName().equalsIgnoreCase(wanted)) {
                return info;
            }
        }
        for (Mixer.Info info : outputs) {
            if (info.getName().toLowerCase(Locale.ROOT).contains(needle)) {
                return info;
            }
        }
        throw new AudioDeviceException("No audio output device matches '" + wanted + "'. Available: "
                + quotedList(outputs.stream().map(Mixer.Info::getName).toList())
                + ". Set the device to (part of) one of these names, or leave it empty for the system default.");
    }

    static String quotedList(List<String> names) {
        return names.isEmpty() ? "(none)" : "'" + String.join("', '", names) + "'";
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
