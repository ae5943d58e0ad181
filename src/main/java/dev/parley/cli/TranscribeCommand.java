package dev.parley.cli;

import dev.parley.Components;
import dev.parley.ParleyException;
import dev.parley.audio.WavStream;
import dev.parley.stt.SpeechRecognizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "transcribe", mixinStandardHelpOptions = true,
        description = {"Print what is said in WAV files, one line per file.",
                "Any PCM WAV works: 4 to 384 kHz, mono or stereo, 8/16/24/32-bit or float.",
                "Files are read as they are transcribed, so any length works."})
final class TranscribeCommand extends ParleySubcommand {

    @Parameters(arity = "1..*", paramLabel = "FILE.wav", description = "Audio files to transcribe.")
    List<Path> files;

    @Option(names = "--with-names", description = "Start each line with the file name and a tab.")
    boolean withNames;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        int failures = 0;
        try (Components components = parley.components()) {
            SpeechRecognizer recognizer = components.recognizer();
            for (Path file : files) {
                // One unreadable file must not cost the transcripts of the others.
                try (WavStream wav = WavStream.open(file)) {
                    String text = recognizer.transcribe(wav);
                    out.println(withNames ? TerminalText.oneLine(file.toString()) + "\t" + text : text);
                    // Part of a recording must not pass for all of it: say so, and fail the run.
                    if (wav.shortfall().isPresent()) {
                        failures++;
                        err.println("parley: " + wav.shortfall().get() + "; the text covers only those "
                                + String.format(Locale.ROOT, "%.1f s", wav.secondsRead()));
                    }
                } catch (ParleyException | IOException e) {
                    failures++;
                    err.println("parley: " + TerminalText.oneLine(e.getMessage()));
                }
                out.flush();
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
