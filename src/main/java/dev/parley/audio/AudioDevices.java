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
import javax.sound.sampled.TargetDataLine;

/**
 * Finding Java Sound devices by (part of) their name, shared by the {@link Speaker} and the
 * {@link Microphone} so both explain a missing device the same way.
 */
enum AudioDevices {
    OUTPUT("output", new Line.Info(SourceDataLine.class), "speakers or a headset are connected and enabled"),
    INPUT("input", new Line.Info(TargetDataLine.class), "a microphone or headset is connected and enabled");

    /**
     * How to get a sound device on a Linux machine without a sound card: a sound server with a virtual
     * sink (its monitor is an input), ALSA routed to it. The same recipe for input and output.
     */
    private static final String HEADLESS_RECIPE = """
            sudo apt-get install -y pulseaudio libasound2-plugins
            pulseaudio -D --exit-idle-time=-1
            pactl load-module module-null-sink sink_name=parley_null
            pactl set-default-sink parley_null
            pactl set-default-source parley_null.monitor
            printf 'pcm.!default { type pulse }\\nctl.!default { type pulse }\\n' > ~/.asoundrc
            """;

    /** Rates every sound card and sound server accepts, for devices that refuse the rate Parley wants. */
    static final int[] COMMON_RATES = {48000, 44100};

    private final String kind;
    private final Line.Info line;
    private final String desktopAdvice;

    AudioDevices(String kind, Line.Info line, String desktopAdvice) {
        this.kind = kind;
        this.line = line;
        this.desktopAdvice = desktopAdvice;
    }

    /** The devices that offer this kind of line, in Java Sound's order. */
    List<Mixer.Info> list() {
        List<Mixer.Info> devices = new ArrayList<>();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            if (AudioSystem.getMixer(info).isLineSupported(line)) {
                devices.add(info);
            }
        }
        return devices;
    }

    List<String> names() {
        return list().stream().map(Mixer.Info::getName).toList();
    }

    /**
     * The device whose name is {@code wanted} or contains it (case-insensitive), or null for the system
     * default when {@code wanted} is null.
     */
    Mixer.Info find(String wanted) throws AudioDeviceException {
        List<Mixer.Info> devices = list();
        if (devices.isEmpty()) {
            throw noDevice();
        }
        return wanted == null ? null : find(wanted, devices);
    }

    private Mixer.Info find(String wanted, List<Mixer.Info> devices) throws AudioDeviceException {
        String needle = wanted.toLowerCase(Locale.ROOT);
        // An exact name wins over one that merely contains the text ("default" vs "default [default]").
        for (Mixer.Info info : devices) {
            if (info.getName().equalsIgnoreCase(wanted)) {
                return info;
            }
        }
        for (Mixer.Info info : devices) {
            if (info.getName().toLowerCase(Locale.ROOT).contains(needle)) {
                return info;
            }
        }
        throw new AudioDeviceException("No audio " + kind + " device matches '" + wanted + "'. Available: "
                + quotedList(devices.stream().map(Mixer.Info::getName).toList())
                + ". Set the device to (part of) one of these names, or leave it empty for the system default.");
    }

    /** Opens one kind of line on a device in one format, or says why it cannot. */
    interface LineOpener<L> {
        L open(Mixer.Info device, AudioFormat format) throws LineUnavailableException;
    }

    /**
     * Opens 16-bit little-endian PCM on the device named {@code wanted} (null: the default) at
     * {@code preferredRate} if the device takes it, else at a common rate; in mono if possible, else
     * stereo (raw hardware devices often accept only two channels).
     */
    <L> L open16Bit(String wanted, int preferredRate, LineOpener<L> opener) throws AudioDeviceException {
        SoundServerLatency.request();
        Mixer.Info device = find(wanted);
        Set<Integer> rates = new LinkedHashSet<>();
        rates.add(preferredRate);
        for (int rate : COMMON_RATES) {
            rates.add(rate);
        }
        List<String> refusals = new ArrayList<>();
        for (int rate : rates) {
            for (int channels = 1; channels <= 2; channels++) {
                AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
                try {
                    return opener.open(device, format);
                } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                    refusals.add(rate + " Hz " + (channels == 1 ? "mono" : "stereo") + ": " + e.getMessage());
                }
            }
        }
        String which = device == null ? "The default audio " + kind : "Audio " + kind + " '" + device.getName() + "'";
        throw new AudioDeviceException(which + " refused 16-bit audio in every format tried ("
                + String.join("; ", refusals) + "). Another program may hold the device exclusively: close it,"
                + " or choose another " + kind + " device: " + available());
    }

    AudioDeviceException noDevice() {
        return new AudioDeviceException("No audio " + kind + " device found. Check that " + desktopAdvice + ". On a"
                + " Linux machine without a sound card, a sound server with a virtual device stands in for one.",
                HEADLESS_RECIPE);
    }

    /** The devices of this kind, for the end of an error message: "'a', 'b'" or "(none)". */
    String available() {
        return quotedList(names());
    }

    static String quotedList(List<String> names) {
        return names.isEmpty() ? "(none)" : "'" + String.join("', '", names) + "'";
    }
}
