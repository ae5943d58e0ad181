package dev.parley.audio;

import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/** For the settings panel: the input and output devices by name, and a short microphone test. */
public final class DeviceList {

    private static final AudioFormat TEST_FORMAT = new AudioFormat(16_000f, 16, 1, true, false);

    private DeviceList() {}

    public static List<String> inputs() {
        return AudioDevices.INPUT.names();
    }

    public static List<String> outputs() {
        return AudioDevices.OUTPUT.names();
    }

    /** Returns if an output device matches {@code device} (blank: the default), else says which exist. */
    public static void checkOutput(String device) throws AudioDeviceException {
        AudioDevices.OUTPUT.find(device == null || device.isBlank() ? null : device.strip());
    }

    /** Returns if an input device matches {@code device} (blank: the default), else says which exist. */
    public static void checkInput(String device) throws AudioDeviceException {
        AudioDevices.INPUT.find(device == null || device.isBlank() ? null : device.strip());
    }

    /**
     * Records {@code millis} from the input device whose name contains {@code device} (blank: the
     * default) and returns the loudest level in dBFS ({@link LevelMeter#SILENCE_DB} for silence). Blocks for that long.
     */
    public static double peakLevel(String device, int millis) {
        DataLine.Info wanted = new DataLine.Info(TargetDataLine.class, TEST_FORMAT);
        try {
            TargetDataLine line = (TargetDataLine) (device == null || device.isBlank()
                    ? AudioSystem.getLine(wanted)
                    : AudioSystem.getMixer(AudioDevices.INPUT.find(device)).getLine(wanted));
            line.open(TEST_FORMAT);
            line.start();
            byte[] buffer = new byte[(int) (TEST_FORMAT.getSampleRate() * 2 * millis / 1000)];
            int read = 0;
            while (read < buffer.length) {
                int n = line.read(buffer, read, buffer.length - read);
                if (n <= 0) {
                    break;
                }
                read += n;
            }
            line.stop();
            line.close();
            int peak = 0;
            for (int i = 0; i + 1 < read; i += 2) {
                peak = Math.max(peak, Math.abs(Pcm16.sample(buffer, i)));
            }
            return LevelMeter.dbfs(peak / Pcm16.FULL_SCALE);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new AudioDeviceException("Cannot open the microphone" + (device == null || device.isBlank() ? ""
                    : " '" + device + "'") + ": " + e.getMessage()
                    + ". Pick another input device, or check that one is connected and not in use.", e);
        }
    }
}
