package dev.parley.cli;

import dev.parley.ParleyException;
import dev.parley.storage.FileErrors;
import dev.parley.storage.GivenFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command under {@code parley}: picocli fills these inherited fields in every subclass, so each
 * command reaches the root's config file and its own output streams the same way.
 */
abstract class ParleySubcommand implements Callable<Integer> {

    @ParentCommand
    ParleyCommand parley;

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Refuses a WAV file bound for a terminal ({@code --out -} without a pipe or a redirection), as
     * curl refuses binary output there: it shows as garbage, and its bytes may set the terminal's
     * modes. Checked before any work, so no speech is made for nothing.
     */
    void refuseAudioOnTerminal(String option, Path file) {
        if (OptionChecks.isStandardOutput(file) && parley.stdoutIsTerminal()) {
            throw new ParleyException("Not writing WAV audio to the terminal (" + option + " -): pipe it to a"
                    + " player or a file (| aplay, > speech.wav), or give a file name (" + option + " speech.wav).");
        }
    }

    /**
     * Writes a whole file's {@code bytes} to {@code file}, or to standard output when it is "-"
     * ({@link OptionChecks#isStandardOutput}); a file named "-" is never made. A file that cannot be
     * written (a link to a folder or to nowhere, a pipe whose reader left) is said in one sentence.
     */
    void writeOut(Path file, byte[] bytes) throws IOException {
        if (OptionChecks.isStandardOutput(file)) {
            parley.stdout().write(bytes);
            parley.stdout().flush(); // a failed write is kept by the stream for Cli's check
        } else {
            writeFile(file, bytes);
        }
    }

    /**
     * Writes {@code bytes} to {@code file} through {@link GivenFiles#write} (private, whole or not at all; a
     * pipe or a link written into), or says in one sentence which file could not be written and why.
     */
    static void writeFile(Path file, byte[] bytes) {
        try {
            GivenFiles.write(file, bytes);
        } catch (IOException e) {
            throw new ParleyException("Cannot write " + file + " (" + FileErrors.reason(e) + ").", e);
        }
    }

    /** Standard input as lines; make one per command, since its buffer takes input the next reader won't see. */
    BufferedReader stdinLines() {
        // Strict: bytes that are not UTF-8 (a binary file, /dev/urandom) end the input with a sentence
        // instead of becoming turns of replacement characters sent to the model.
        return new BoundedLineReader(new InputStreamReader(parley.stdin(), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }
}
