package dev.parley.stt;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

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
 * then the FST's own data, which an n-gram FST reads without aligning to the position.
 * Run again on a trimmed or unknown file, it changes nothing.
 */
public final class GrammarSymbols {

    private static final int FST_MAGIC = 2125659606;
    private static final int SYMBOL_TABLE_MAGIC = 2125658996;
    private static final int HAS_INPUT_SYMBOLS = 1;
    private static final int HAS_OUTPUT_SYMBOLS = 2;

    private GrammarSymbols() {}

    /** {@code args[0]}: the grammar file, rewritten in place when it holds both word lists. */
    public static void main(String[] args) throws IOException {
        Path grammar = Path.of(args[0]);
        if (dropInputSymbols(grammar)) {
            System.out.println("Removed the second copy of the word list from " + grammar);
        }
    }

    /** Rewrites {@code grammar} without its input symbols; false when it has none or is not an FST. */
    static boolean dropInputSymbols(Path grammar) throws IOException {
        try {
            return dropInputSymbols(grammar, read(grammar));
        } catch (BufferUnderflowException cut) {
            throw new IOException(grammar + " ends inside its header or symbols", cut);
        }
    }

    private static boolean dropInputSymbols(Path grammar, ByteBuffer file) throws IOException {
        if (file.remaining() < 4 || file.getInt() != FST_MAGIC) {
            return false;
        }
        skipString(file); // FST type
        skipString(file); // arc type
        file.getInt(); // version
        int flagsAt = file.position();
        int flags = file.getInt();
        if ((flags & HAS_INPUT_SYMBOLS) == 0 || (flags & HAS_OUTPUT_SYMBOLS) == 0) {
            return false;
        }
        skip(file, Long.BYTES * 4); // properties, start, states, arcs
        int inputStart = file.position();
        skipSymbolTable(file);
        int inputEnd = file.position();

        ByteBuffer trimmed = ByteBuffer.allocate(file.limit() - (inputEnd - inputStart)).order(ByteOrder.LITTLE_ENDIAN);
        trimmed.put(file.duplicate().position(0).limit(flagsAt));
        trimmed.putInt(flags & ~HAS_INPUT_SYMBOLS);
        trimmed.put(file.duplicate().position(flagsAt + Integer.BYTES).limit(inputStart));
        trimmed.put(file.duplicate().position(inputEnd).limit(file.limit()));
        Path partial = grammar.resolveSibling(grammar.getFileName() + ".partial");
        Files.write(partial, trimmed.array());
        Files.move(partial, grammar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private static ByteBuffer read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE - 8) {
                throw new IOException(file + " is larger than a grammar this step handles");
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) channel.size());
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
        for (long i = 0; i < symbols; i++) {
            skipString(file);
            file.getLong(); // key
        }
    }

    private static void skipString(ByteBuffer file) {
        skip(file, file.getInt());
    }

    private static void skip(ByteBuffer file, int bytes) {
        if (bytes < 0 || bytes > file.remaining()) {
            throw new BufferUnderflowException(); // reported as a file that ends early
        }
        file.position(file.position() + bytes);
    }
}
