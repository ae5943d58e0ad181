package dev.parley.audio;

import dev.parley.text.ShellWords;
import java.util.Locale;

/**
 * The sox command lines that error messages suggest, so a user can copy one and run it. sox because it
 * is packaged everywhere Parley runs and reads nearly every audio format.
 */
final class ConversionHint {

    private ConversionHint() {
    }

    /** A command that rewrites a WAV file of an unsupported encoding as 16-bit PCM next to it. */
    static String toPcm(String name) {
        return "sox " + ShellWords.quote(name) + " -e signed-integer -b 16 " + ShellWords.quote(sibling(name, "-pcm"));
    }

    /** A command that rewrites a WAV file whose header announces more audio than it holds, keeping what is there. */
    static String ignoringLength(String name) {
        return "sox --ignore-length " + ShellWords.quote(name) + " " + ShellWords.quote(sibling(name, "-fixed"));
    }

    /**
     * A command that converts any audio file to the 16 kHz mono WAV Parley listens to best. A file in
     * another format but named *.wav needs sox's {@code -t} to say what it really is.
     */
    static String toWav(String name, String soxTypeOrNull) {
        String type = soxTypeOrNull != null && name.toLowerCase(Locale.ROOT).endsWith(".wav") ? "-t " + soxTypeOrNull + " " : "";
        return "sox " + type + ShellWords.quote(name) + " -r 16000 -c 1 -b 16 " + ShellWords.quote(sibling(name, "-16k"));
    }

    /**
     * {@code "dir/song.mp3", "-16k"} becomes {@code "dir/song-16k.wav"}: a new file next to the old one;
     * beside a device or a process's file ({@code /dev/stdin}) no file can be made, so in the current folder.
     */
    private static String sibling(String name, String suffix) {
        if (name.startsWith("/dev/") || name.startsWith("/proc/")) {
            return sibling(name.substring(name.lastIndexOf('/') + 1), suffix);
        }
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        int dot = name.lastIndexOf('.');
        String stem = dot > slash ? name.substring(0, dot) : name;
        return stem + suffix + ".wav";
    }
}
