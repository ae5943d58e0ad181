package dev.parley.audio;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.TargetDataLine;

/**
 * An input device through Java Sound: 16-bit PCM at 16 kHz mono if the device takes it, else at a
 * rate every device takes (the {@link Microphone} resamples), in mono or else stereo (averaged).
 */
final class JavaSoundInput implements CaptureDevice {

    /**
     * The line's buffer. Through ALSA's PulseAudio plugin the default (0.5 s) makes the device deliver
     * in 125 ms bursts; 0.2 s gives ~50 ms ones, which the level meter and barge-in need, and still
     * rides out a reader delayed by a busy CPU.
     */
    private static final double BUFFER_SECONDS = 0.2;

    private final String wanted;

    /** @param wantedOrNull part of a device name, or null for the system default */
    JavaSoundInput(String wantedOrNull) {
        this.wanted = wantedOrNull;
    }

    @Override
    public String description() {
        return wanted == null ? "the default microphone" : "the microphone '" + wanted + "'";
    }

    @Override
    public CaptureLine open() throws AudioDeviceException {
        return AudioDevices.INPUT.open16Bit(wanted, Microphone.SAMPLE_RATE, (device, format) -> {
            TargetDataLine line = AudioSystem.getTargetDataLine(format, device);
            int frames = (int) (format.getSampleRate() * BUFFER_SECONDS);
            line.open(format, frames * format.getFrameSize());
            line.start();
            return new Line(line);
        });
    }

    /** An open line read by whole frames, only as many as it already holds. */
    private final class Line implements CaptureLine {

        private final TargetDataLine line;
        private final int channels;
        private final byte[] buffer;

        Line(TargetDataLine line) {
            this.line = line;
            this.channels = line.getFormat().getChannels();
            this.buffer = new byte[line.getBufferSize()];
        }

        @Override
        public int sampleRate() {
            return (int) line.getFormat().getSampleRate();
        }

        @Override
        public int capacity() {
            return buffer.length / (2 * channels);
        }

        @Override
        public int readAvailable(float[] into) throws AudioDeviceException {
            int frameBytes = 2 * channels;
            int read;
            try {
                if (!line.isOpen()) {
                    throw new AudioDeviceException(subject() + " was closed by the system. " + advice());
                }
                int wanted = Math.min(line.available(), buffer.length) / frameBytes * frameBytes;
                read = wanted == 0 ? 0 : line.read(buffer, 0, wanted);
            } catch (RuntimeException e) {
                throw new AudioDeviceException(subject() + " failed (" + e + "). " + advice(), e);
            }
            if (read < 0) {
                throw new AudioDeviceException(subject() + " stopped delivering audio. " + advice());
            }
            return decode(read / frameBytes, into);
        }

        /** Signed 16-bit little-endian frames, channels averaged. */
        private int decode(int frames, float[] mono) {
            for (int frame = 0, at = 0; frame < frames; frame++) {
                float sum = 0;
                for (int channel = 0; channel < channels; channel++, at += 2) {
                    sum += Pcm16.level(buffer, at);
                }
                mono[frame] = sum / channels;
            }
            return frames;
        }

        @Override
        public void close() {
            line.close();
        }
    }

    private static String advice() {
        return "It may have been unplugged or disabled; Parley keeps trying to reopen it. Check it, or choose"
                + " another input device: " + AudioDevices.INPUT.available();
    }
}
