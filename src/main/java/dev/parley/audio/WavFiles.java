package dev.parley.audio;

import dev.parley.storage.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads WAV files of any common PCM or float layout as mono {@link AudioClip}s and writes clips as 16-bit
 * mono WAV.
 *
 * <p>The RIFF parser is our own because javax.sound's rejects WAVE_FORMAT_EXTENSIBLE, 24-bit and
 * streamed files (data size 0 or 0xFFFFFFFF) that recorders and other tools commonly write.
 */
public final class WavFiles {

    private static final int RIFF_HEADER_BYTES = 12;
    private static final int CHUNK_HEADER_BYTES = 8;
    /** Recorders that stream write one of these as the data size and never come back to fix it. */
    private static final long STREAMED_SIZE_ZERO = 0;
    private static final long STREAMED_SIZE_MAX = 0xFFFFFFFFL;

    private WavFiles() {
    }

    /** Reads {@code wav} and averages its channels into one. */
    public static AudioClip readMono(Path wav) throws IOException {
        String name = wav.toString();
        if (Files.isDirectory(wav)) {
            throw new AudioFormatException(name + " is a directory, not a WAV file; give the path of a .wav file in it");
        }
        try {
            return decode(Files.readAllBytes(wav), name);
        } catch (NoSuchFileException e) {
            throw new AudioFormatException(name + " does not exist (looked for " + wav.toAbsolutePath()
                    + "); check the path and the current directory");
        }
    }

    /** Reads a whole WAV stream (without closing it); {@code nameForErrors} says which one in messages. */
    public static AudioClip readMono(InputStream wav, String nameForErrors) throws IOException {
        return decode(wav.readAllBytes(), nameForErrors);
    }

    /**
     * Writes {@code clip} as 16-bit PCM mono WAV, creating parent directories. Readers never see a half-
     * written file: the bytes go to a temporary file in the same directory, which then replaces
     * {@code wav} in one rename.
     */
    public static void write(Path wav, AudioClip clip) throws IOException {
        AtomicFiles.write(wav, encodePcm16(clip, wav.toString()));
    }


    private static byte[] encodePcm16(AudioClip clip, String name) {
        long dataBytes = 2L * clip.samples().length;
        if (dataBytes > 0xFFFFFFFFL - 36) {
            throw new IllegalArgumentException("cannot write " + name + ": " + clip.durationSeconds()
                    + " s of audio exceed the 4 GB a WAV file can hold; split the clip");
        }
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("RIFF")).putInt((int) (36 + dataBytes)).put(ascii("WAVE"));
        header.put(ascii("fmt ")).putInt(16)
                .putShort((short) 1)                        // PCM
                .putShort((short) 1)                        // mono
                .putInt(clip.sampleRate())
                .putInt(clip.sampleRate() * 2)              // bytes per second
                .putShort((short) 2)                        // bytes per frame
                .putShort((short) 16);                      // bits per sample
        header.put(ascii("data")).putInt((int) dataBytes);
        byte[] pcm = clip.toPcm16le();
        byte[] file = new byte[44 + pcm.length];
        System.arraycopy(header.array(), 0, file, 0, 44);
        System.arraycopy(pcm, 0, file, 44, pcm.length);
        return file;
    }

    private static AudioClip decode(byte[] file, String name) throws AudioFormatException {
        requireRiffWave(file, name);
        WavFormat format = null;
        int dataStart = -1;
        int dataEnd = -1;
        List<String> chunksSeen = new ArrayList<>();
        int at = RIFF_HEADER_BYTES;
        // The RIFF size field is ignored: streaming writers leave it wrong; the file's length is the truth.
        while (at <= file.length - CHUNK_HEADER_BYTES) {
            String id = new String(file, at, 4, StandardCharsets.ISO_8859_1);
            long size = uint32(file, at + 4);
            int body = at + CHUNK_HEADER_BYTES;
            long available = file.length - body;
            chunksSeen.add("'" + printable(file, at, 4) + "'");
            if (id.equals("fmt ")) {
                format = WavFormat.parse(file, body, (int) Math.min(size, available), name);
            } else if (id.equals("data")) {
                dataStart = body;
                boolean streamed = size == STREAMED_SIZE_ZERO || size == STREAMED_SIZE_MAX || size > available;
                dataEnd = streamed ? file.length : (int) (body + size);
                if (streamed) {
                    break; // everything to the end is audio
                }
            }
            at = (int) Math.min(file.length, body + size + (size & 1)); // chunks are padded to even sizes
        }
        if (format == null) {
            throw new AudioFormatException(name + " has no 'fmt ' chunk (found: " + listed(chunksSeen)
                    + "), so its sample format is unknown; the file is damaged, export the recording again");
        }
        if (dataStart < 0) {
            throw new AudioFormatException(name + " has no 'data' chunk (found: " + listed(chunksSeen)
                    + "), so it holds no audio; the file is incomplete, record or export it again");
        }
        // A recording cut off mid-write may end inside a frame: keep the whole frames.
        int frames = (dataEnd - dataStart) / format.frameBytes();
        if (frames == 0) {
            throw new AudioFormatException(name + " contains no audio (its data chunk holds "
                    + (dataEnd - dataStart) + " bytes, less than one " + format.frameBytes()
                    + "-byte frame); record it again");
        }
        return new AudioClip(downmix(file, dataStart, frames, format), format.sampleRate());
    }

    /** Averages the channels of each frame: a sound in only one channel keeps half its amplitude. */
    private static float[] downmix(byte[] file, int dataStart, int frames, WavFormat format) {
        SampleEncoding encoding = format.encoding();
        int channels = format.channels();
        float[] mono = new float[frames];
        int at = dataStart;
        for (int frame = 0; frame < frames; frame++) {
            float sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                sum += encoding.decode(file, at);
                at += encoding.bytes;
            }
            mono[frame] = sum / channels;
        }
        return mono;
    }

    private static void requireRiffWave(byte[] file, String name) throws AudioFormatException {
        if (file.length == 0) {
            throw new AudioFormatException(name + " is empty (0 bytes); record or export it again");
        }
        boolean riff = startsWith(file, 0, "RIFF");
        if (riff && file.length < RIFF_HEADER_BYTES) {
            throw new AudioFormatException(name + " ends after " + file.length + " bytes, inside its RIFF header;"
                    + " the file is cut off, record or export it again");
        }
        if (riff && startsWith(file, 8, "WAVE")) {
            return;
        }
        if (riff) {
            throw new AudioFormatException(name + " is a RIFF file holding '" + printable(file, 8, 4)
                    + "' data, not WAVE audio; extract the audio with: " + ConversionHint.toWav(name, null));
        }
        FileSignature signature = FileSignature.of(file);
        throw new AudioFormatException(name + " is not a WAV file (it starts with '" + printable(file, 0, 4) + "'"
                + (signature == null ? "" : ", which looks like " + signature.description)
                + "); convert it with: " + ConversionHint.toWav(name, signature == null ? null : signature.soxType));
    }

    /** Well-known starts of files that people save with a .wav name by mistake. */
    private enum FileSignature {
        MP3("MP3", "mp3"), OGG("Ogg audio", "ogg"), FLAC("FLAC", "flac"), AIFF("AIFF", "aiff"),
        AU("Sun/NeXT audio", "au"), BIG_ENDIAN_WAV("big-endian RIFX WAV", "wav"), RF64("RF64 (64-bit WAV)", "w64");

        final String description;
        final String soxType;

        FileSignature(String description, String soxType) {
            this.description = description;
            this.soxType = soxType;
        }

        static FileSignature of(byte[] file) {
            if (startsWith(file, 0, "ID3") || (file.length >= 2 && (file[0] & 0xff) == 0xff && (file[1] & 0xe0) == 0xe0)) {
                return MP3;
            }
            if (startsWith(file, 0, "OggS")) return OGG;
            if (startsWith(file, 0, "fLaC")) return FLAC;
            if (startsWith(file, 0, "FORM")) return AIFF;
            if (startsWith(file, 0, ".snd")) return AU;
            if (startsWith(file, 0, "RIFX")) return BIG_ENDIAN_WAV;
            if (startsWith(file, 0, "RF64")) return RF64;
            return null;
        }
    }

    private static boolean startsWith(byte[] file, int offset, String ascii) {
        if (file.length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (file[offset + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Up to {@code count} bytes as text, with anything unprintable as \xNN so the message stays one line. */
    private static String printable(byte[] file, int offset, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = offset; i < Math.min(file.length, offset + count); i++) {
            int b = file[i] & 0xff;
            text.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02X", b));
        }
        return text.toString();
    }

    private static String listed(List<String> chunks) {
        return chunks.isEmpty() ? "no chunks at all" : String.join(", ", chunks);
    }

    private static long uint32(byte[] bytes, int at) {
        return (bytes[at] & 0xffL) | (bytes[at + 1] & 0xffL) << 8 | (bytes[at + 2] & 0xffL) << 16 | (bytes[at + 3] & 0xffL) << 24;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
