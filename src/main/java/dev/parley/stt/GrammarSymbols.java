package dev.parley.stt;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;

/**
 * Build step: removes the input word list from the speech model's grammar ({@code graph/Gr.fst}),
 * which carries the same 152,217 words twice, as its input and its output symbols. Vosk reads both
 * at every start (~0.1 s of one core and ~10 MB of native memory for the copy) but uses only the
 * output list: its word table is {@code OutputSymbols()}, and the look-ahead composition with
 * {@code HCLr.fst}, which has no symbols, checks none (vosk-api 0.3.45, {@code model.cc},
 * {@code recognizer.cc}). The grammar's arcs and weights are not touched.
 *
 * <p>OpenFst's file layout: a header (magic, FST and arc type, version, flags, properties, start,
 * state and arc counts), the input symbols if flag 1 is set, the output symbols if flag 2 is set,
 * then the FST's own data, which an n-gram FST reads without aligning to the position (other types
 * may align, so only an n-gram FST is rewritten). Run again on a trimmed or unknown file, it changes
 * nothing; it reads the whole file only when there is something to remove.
 */
public final class GrammarSymbols {

    private static final int FST_MAGIC = 2125659606;
    private static final int SYMBOL_TABLE_MAGIC = 2125658996;
    private static final int HAS_INPUT_SYMBOLS = 1;
    private static final int HAS_OUTPUT_SYMBOLS = 2;
    private static final int BOTH_WORD_LISTS = HAS_INPUT_SYMBOLS | HAS_OUTPUT_SYMBOLS;
    private static final String NGRAM = "ngram";
    /** Enough for the header up to the flags: magic, two short type names, version, flags. */
    private static final int HEAD_BYTES = 4096;

    private GrammarSymbols() {}

    /** {@code args[0]}: the grammar file, rewritten in place when it holds both word lists. */
    public static void main(String[] args) throws IOException {
        Path grammar = Path.of(args[0]);
        if (dropInputSymbols(grammar)) {
            System.out.println("Removed the second copy of the word list from " + grammar);
        }
    }

    /** Rewrites {@code grammar} without its input symbols; false when it has none or is not an n-gram FST. */
    static boolean dropInputSymbols(Path grammar) throws IOException {
        try {
            ByteBuffer head = read(grammar, HEAD_BYTES);
            int flagsAt = flagsPosition(head);
            if (flagsAt < 0 || (head.getInt(flagsAt) & BOTH_WORD_LISTS) != BOTH_WORD_LISTS) {
                return false;
            }
            return dropInputSymbols(grammar, read(grammar, Integer.MAX_VALUE - 8), flagsAt);
        } catch (BufferUnderflowException cut) {
            throw new IOException(grammar + " ends inside its header or symbols", cut);
        }
    }

    /** Where the flags are, or -1 for a file that is not an n-gram FST. */
    private static int flagsPosition(ByteBuffer file) {
        if (file.remaining() < 4 || file.getInt() != FST_MAGIC || !NGRAM.equals(readString(file))) {
            return -1; // another FST type may align its data to the position, which this would shift
        }
        skipString(file); // arc type
        file.getInt(); // version
        if (file.remaining() < Integer.BYTES) {
            throw new BufferUnderflowException(); // no flags: reported as a file that ends early
        }
        return file.position();
    }

    private static boolean dropInputSymbols(Path grammar, ByteBuffer file, int flagsAt) throws IOException {
        int flags = file.getInt(flagsAt);
        file.position(flagsAt + Integer.BYTES);
        skip(file, Long.BYTES * 4); // properties, start, states, arcs
        int inputStart = file.position();
        skipSymbolTable(file);
        int inputEnd = file.position();

        ByteBuffer trimmed = ByteBuffer.allocate(file.limit() - (inputEnd - inputStart)).order(ByteOrder.LITTLE_ENDIAN);
        trimmed.put(file.duplicate().position(0).limit(flagsAt));
        trimmed.putInt(flags & ~HAS_INPUT_SYMBOLS);
        trimmed.put(file.duplicate().position(flagsAt + Integer.BYTES).limit(inputStart));
        trimmed.put(file.duplicate().position(inputEnd).limit(file.limit()));
        // Not storage.AtomicFiles: it makes a file (and its folder) private to the user, and the model
        // ships to every user of an installation.
        Path partial = grammar.resolveSibling(grammar.getFileName() + ".partial");
        FileTime unpacked = Files.getLastModifiedTime(grammar);
        try {
            Files.write(partial, trimmed.array());
            // The unpacked file's time: the build's unzip replaces a model file only by a newer entry
            // of a newer model archive, and a trimmed file dated now would never be replaced.
            Files.setLastModifiedTime(partial, unpacked);
            Files.move(partial, grammar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial); // the model folder is copied into the installers as it is
        }
        return true;
    }

    /** The first {@code most} bytes of {@code file}, or all of it. */
    private static ByteBuffer read(Path file, int most) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE - 8) {
                throw new IOException(file + " is larger than a grammar this step handles");
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(channel.size(), most));
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // until full
            }
            return bytes.flip().order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    private static void skipSymbolTable(ByteBuffer file) throws IOException {
        if (file.getInt() != SYMBOL_TABLE_MAGIC) {
            throw new IOException("the input symbols of the grammar are not an OpenFst symbol table");
        }
        skipString(file); // name
        file.getLong(); // available key
        long symbols = file.getLong();
        if (symbols < 0) {
            throw new IOException("the input symbols of the grammar claim " + symbols + " words");
        }
        for (long i = 0; i < symbols; i++) {
            skipString(file);
            file.getLong(); // key
        }
    }

    private static void skipString(ByteBuffer file) {
        skip(file, file.getInt());
    }

    private static String readString(ByteBuffer file) {
        int length = file.getInt();
        int start = file.position();
        skip(file, length);
        return new String(file.array(), start, length, StandardCharsets.US_ASCII);
    }

    private static void skip(ByteBuffer file, int bytes) {
        if (bytes < 0 || bytes > file.remaining()) {
            throw new BufferUnderflowException(); // reported as a file that ends early
        }
        file.position(file.position() + bytes);
    }
}
