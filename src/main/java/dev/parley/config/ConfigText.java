package dev.parley.config;

import dev.parley.storage.GivenFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The bytes of a config file, checked before the YAML parser sees them: a folder, a file too large to be
 * a config, text that is not UTF-8, characters YAML refuses and a file with no settings each get a
 * sentence naming the file and line, where the parser would report its own internals.
 */
final class ConfigText {

    private ConfigText() {}

    /**
     * The file's text (a byte order mark left out), known to be UTF-8 with at least one setting.
     *
     * @throws ConfigException naming the file (and line) when it cannot be a config
     * @throws IOException when it cannot be read, a missing file included
     */
    static String read(Path file) throws IOException {
        if (file.toString().isEmpty()) {
            throw new ConfigException("The config file's name is empty; pass the path of a config.yaml to --config.");
        }
        if (Files.isDirectory(file)) {
            throw new ConfigException(file + " is a folder, not a config file; pass the path of a config.yaml"
                    + " to --config.");
        }
        long size = sizeOrZero(file);
        if (size > ConfigLoader.MAX_CONFIG_BYTES) {
            throw tooLarge(file, megabytes(size));
        }
        byte[] bytes;
        // A bounded read: a device or pipe reports size 0 and may stream without end.
        try (InputStream in = GivenFiles.open(file)) {
            bytes = in.readNBytes(Math.toIntExact(ConfigLoader.MAX_CONFIG_BYTES) + 1);
        }
        if (bytes.length > ConfigLoader.MAX_CONFIG_BYTES) {
            throw tooLarge(file, "more than 1 MB");
        }
        String text = decode(file, bytes);
        requireYamlCharacters(file, text);
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (content.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
            throw empty(file, !content.isBlank());
        }
        return content;
    }

    /** The one answer for a file without settings: a fresh copy is what the user most likely wants. */
    static ConfigException empty(Path file, boolean onlyComments) {
        String what = file + (onlyComments ? " holds only comments, no settings" : " is empty");
        // A pipe or device (--config /dev/stdin) is not for deleting.
        return new ConfigException(what + (Files.isRegularFile(file)
                ? "; delete it and Parley writes a fresh one on the next start."
                : "; pass the path of a config.yaml to --config."));
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // reading it reports what is wrong, a missing file included
        }
    }

    /**
     * A config file is a few kilobytes. Anything larger than {@link ConfigLoader#MAX_CONFIG_BYTES} is the
     * wrong file or an attack, and parsing it would take minutes and gigabytes, so it is refused unparsed.
     */
    private static ConfigException tooLarge(Path file, String size) {
        return new ConfigException(file + " is " + size + "; a config file is a few kilobytes and at most 1 MB, so"
                + " this is not one: check the path given to --config, or delete the file and Parley writes a fresh"
                + " one on the next start.");
    }

    private static String megabytes(long bytes) {
        return bytes >= 10 << 20 ? bytes / (1 << 20) + " MB" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    /** Strict UTF-8, so the line of the first byte that is not is known (the parser reports a character count). */
    private static String decode(Path file, byte[] bytes) {
        int byteOrderMark = bytes.length >= 2 ? (bytes[0] & 0xFF) << 8 | (bytes[1] & 0xFF) : 0;
        if (byteOrderMark == 0xFEFF || byteOrderMark == 0xFFFE) {
            throw new ConfigException(file + " is saved as UTF-16 (Windows calls it Unicode); save it as UTF-8 in"
                    + " your editor.");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new ConfigException(file + " line " + lineAt(bytes, in.position()) + " is not UTF-8 text; save the"
                    + " file as UTF-8 in your editor (a letter like é saved as Latin-1 or Windows-1252 does this).");
        }
        return out.flip().toString();
    }

    private static int lineAt(byte[] bytes, int end) {
        int line = 1;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The YAML 1.1 rule for printable characters; a NUL or other control character means a binary file. */
    private static void requireYamlCharacters(Path file, String text) {
        int line = 1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c == '\n') {
                line++;
            }
            boolean printable = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7E) || c == 0x85
                    || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            if (!printable) {
                throw new ConfigException(String.format(Locale.ROOT, "%s line %d has the control character U+%04X,"
                        + " which a YAML file cannot hold; delete it, or if the file is not text, pass the path of a"
                        + " config.yaml to --config.", file, line, c));
            }
            i += Character.charCount(c);
        }
    }
}
