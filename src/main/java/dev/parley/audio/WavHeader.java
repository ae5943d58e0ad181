package dev.parley.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a WAV file before its samples: the sample format and how many bytes of audio the header
 * announces. Read from a stream and never further than the start of the audio, so a file of any size
 * (or an endless device such as /dev/zero) costs a few hundred bytes to recognize.
 *
 * <p>The RIFF parser is our own because javax.sound's rejects WAVE_FORMAT_EXTENSIBLE, 24-bit and
 * streamed files (data size 0 or 0xFFFFFFFF) that recorders and other tools commonly write.
 *
 * @param dataBytes the size the data chunk declares, or {@link #UNKNOWN_SIZE} for a streamed file
 */
record WavHeader(WavFormat format, long dataBytes) {

    static final long UNKNOWN_SIZE = -1;

    private static final int RIFF_HEADER_BYTES = 12;
    private static final int CHUNK_HEADER_BYTES = 8;
    /** Recorders that stream write one of these as the data size and never come back to fix it. */
    private static final long STREAMED_SIZE_ZERO = 0;
    private static final long STREAMED_SIZE_MAX = 0xFFFFFFFFL;
    /** A fmt chunk needs 40 bytes at most; a larger size field is read no further than this. */
    private static final int FMT_BYTES_READ = 64;

    boolean sizeKnown() {
        return dataBytes != UNKNOWN_SIZE;
    }

    /** More chunks than this before the audio: not a WAV file anyone recorded. */
    private static final int MAX_CHUNKS_BEFORE_AUDIO = 1_000;
    /** How many chunk names an error lists. */
    private static final int CHUNKS_NAMED = 10;

    /** Reads up to the first byte of audio in {@code in}; {@code name} says which file in messages. */
    static WavHeader read(InputStream in, String name) throws IOException {
        requireRiffWave(in.readNBytes(RIFF_HEADER_BYTES), name);
        WavFormat format = null;
        List<String> chunksSeen = new ArrayList<>();
        // The RIFF size field is ignored: streaming writers leave it wrong.
        while (true) {
            byte[] header = in.readNBytes(CHUNK_HEADER_BYTES);
            if (header.length < CHUNK_HEADER_BYTES) {
                throw missingBeforeAudio(format, chunksSeen, name);
            }
            String id = new String(header, 0, 4, StandardCharsets.ISO_8859_1);
            long size = uint32(header, 4);
            chunksSeen.add("'" + printable(header, 0, 4) + "'");
            if (chunksSeen.size() > MAX_CHUNKS_BEFORE_AUDIO) {
                // Real files hold a handful; a hostile one (zeros after "WAVE") holds millions of empty ones.
                throw missingBeforeAudio(format, chunksSeen, name);
            }
            if (id.equals("data")) {
                if (format == null) {
                    throw missing("fmt ", chunksSeen, name);
                }
                boolean streamed = size == STREAMED_SIZE_ZERO || size == STREAMED_SIZE_MAX;
                return new WavHeader(format, streamed ? UNKNOWN_SIZE : size);
            }
            long toSkip = size + (size & 1); // chunks are padded to even sizes
            if (id.equals("fmt ")) {
                byte[] body = in.readNBytes((int) Math.min(size, FMT_BYTES_READ));
                format = WavFormat.parse(body, 0, body.length, name);
                toSkip -= body.length;
            }
            if (skip(in, toSkip) < toSkip) {
                throw missingBeforeAudio(format, chunksSeen, name);
            }
        }
    }

    /** The header ended, or went on too long, before the audio: which chunk it still lacks. */
    private static AudioFormatException missingBeforeAudio(WavFormat format, List<String> chunksSeen, String name) {
        return missing(format == null ? "fmt " : "data", chunksSeen, name);
    }

    private static AudioFormatException missing(String chunk, List<String> chunksSeen, String name) {
        String found = chunksSeen.isEmpty() ? "no chunks at all"
                : String.join(", ", chunksSeen.subList(0, Math.min(chunksSeen.size(), CHUNKS_NAMED)))
                        + (chunksSeen.size() > CHUNKS_NAMED ? " and " + (chunksSeen.size() - CHUNKS_NAMED) + " more" : "");
        return chunk.equals("fmt ")
                ? new AudioFormatException(name + " has no 'fmt ' chunk before its audio (found: " + found
                        + "), so its sample format is unknown; the file is damaged, export the recording again")
                : new AudioFormatException(name + " has no 'data' chunk (found: " + found
                        + "), so it holds no audio; the file is incomplete, record or export it again");
    }

    /** Skips up to {@code count} bytes; fewer only at the end of the stream. */
    private static long skip(InputStream in, long count) throws IOException {
        long skipped = 0;
        while (skipped < count) {
            long step = in.skip(count - skipped);
            if (step <= 0) {
                // skip() may refuse on some streams without being at the end: one read tells.
                if (in.read() < 0) {
                    return skipped;
                }
                step = 1;
            }
            skipped += step;
        }
        return skipped;
    }

    private static void requireRiffWave(byte[] start, String name) throws AudioFormatException {
        if (start.length == 0) {
            throw new AudioFormatException(name + " is empty (0 bytes); record or export it again");
        }
        boolean riff = startsWith(start, 0, "RIFF");
        if (riff && start.length < RIFF_HEADER_BYTES) {
            throw new AudioFormatException(name + " ends after " + start.length + " bytes, inside its RIFF header;"
                    + " the file is cut off, record or export it again");
        }
        if (riff && startsWith(start, 8, "WAVE")) {
            return;
        }
        if (riff) {
            throw new AudioFormatException(name + " is a RIFF file holding '" + printable(start, 8, 4)
                    + "' data, not WAVE audio; extract the audio with: " + ConversionHint.toWav(name, null));
        }
        FileSignature signature = FileSignature.of(start);
        throw new AudioFormatException(name + " is not a WAV file (it starts with '" + printable(start, 0, 4) + "'"
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

    private static long uint32(byte[] bytes, int at) {
        return (bytes[at] & 0xffL) | (bytes[at + 1] & 0xffL) << 8 | (bytes[at + 2] & 0xffL) << 16 | (bytes[at + 3] & 0xffL) << 24;
    }
}
