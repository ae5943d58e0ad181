package dev.parley.cli;

import dev.parley.Components;
import dev.parley.audio.AudioClip;
import dev.parley.audio.Speaker;
import dev.parley.audio.WavFiles;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "say", mixinStandardHelpOptions = true,
        description = "Speak a text with the configured voice, on the speakers or into a WAV file.")
final class SayCommand extends ParleySubcommand {

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "What to say.")
    List<String> words;

    @Option(names = "--out", paramLabel = "FILE.wav", description = "Write a WAV file instead of playing"
            + " (- is stdout).")
    Path out;

    @Override
    public Integer call() throws Exception {
        OptionChecks.outputFile(spec, "--out", out);
        refuseAudioOnTerminal("--out", out);
        try (Components components = parley.components()) {
            AudioClip speech = components.synthesizer().synthesize(String.join(" ", words));
            if (out != null) {
                writeOut(out, WavFiles.bytes(speech));
            } else {
                new Speaker(components.config().tts().outputDevice()).play(speech);
            }
        }
        return 0;
    }
}
