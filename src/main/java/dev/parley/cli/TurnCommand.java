package dev.parley.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.Components;
import dev.parley.audio.AudioClip;
import dev.parley.audio.WavFiles;
import dev.parley.ParleyException;
import dev.parley.llm.LanguageModel;
import dev.parley.pipeline.Speech;
import dev.parley.pipeline.TurnClock;
import dev.parley.pipeline.TurnResult;
import dev.parley.pipeline.TurnRunner;
import dev.parley.pipeline.TurnTimings;
import dev.parley.pipeline.WavSink;
import dev.parley.stt.SpeechRecognizer;
import dev.parley.tools.TimerAnnouncer;
import dev.parley.tools.ToolConfirmer;
import dev.parley.tts.SpeechSynthesizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "turn", mixinStandardHelpOptions = true,
        description = {"One complete voice turn, offline: transcribe IN, stream the model's reply, speak it"
                + " chunk by chunk while it streams, and write the spoken reply to OUT.",
                "Prints the transcript, the reply and when each stage finished, in ms from the end of input."})
final class TurnCommand extends ModelSubcommand {

    @Option(names = "--in", required = true, paramLabel = "IN.wav", description = "The user's utterance.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "OUT.wav", description = "Where the spoken reply goes"
            + " (- is stdout; the report then goes to stderr).")
    Path out;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        OptionChecks.outputFile(spec, "--out", out);
        refuseAudioOnTerminal("--out", out);
        try (Components components = parley.components()) {
            AudioClip utterance = WavFiles.readMono(in);
            // Load everything before the clock starts: the turn measures the voice path, not start-up.
            SpeechRecognizer recognizer = components.recognizer();
            SpeechSynthesizer voice = components.synthesizer();
            components.useToolCallbacks(TimerAnnouncer.NOBODY, ToolConfirmer.DENY); // it ends with its answer
            McpCommandNotice.sayNewCommands(components.config().llm(), components.paths().dataDir(), err());
            LanguageModel model = components.languageModel(llm.choice());
            try (TurnRunner runner = components.turnRunner(model)) {
                TurnClock clock = new TurnClock();
                String transcript = recognizer.transcribe(utterance);
                clock.markSttDone();
                if (transcript.isBlank()) {
                    throw new ParleyException("No speech was recognized in the input audio ("
                            + String.format(Locale.ROOT, "%.1f", utterance.durationSeconds()) + " s). Check that it holds"
                            + " speech in the speech model's language and is not silent or clipped.");
                }
                WavSink speech = new WavSink(voice.sampleRate());
                TurnResult reply = runner.run(components.newConversation(), transcript, clock, event -> { },
                        new Speech(voice, speech));
                AudioClip audio = speech.audio();
                writeOut(out, WavFiles.bytes(audio));
                print(reply, audio);
            }
        }
        return 0;
    }

    private void print(TurnResult reply, AudioClip audio) throws Exception {
        // With the audio on standard output, the report goes to stderr, which keeps the WAV whole.
        PrintWriter stdout = OptionChecks.isStandardOutput(out) ? err() : out();
        TurnTimings t = reply.timings();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode result = mapper.createObjectNode()
                    .put("transcript", reply.userText())
                    .put("reply", reply.text())
                    .put("reasoning", reply.reasoning())
                    .put("chunks", reply.chunks())
                    .put("audio_seconds", Math.round(audio.durationSeconds() * 100) / 100.0)
                    .put("out", OptionChecks.isStandardOutput(out) ? "-" : out.toAbsolutePath().toString())
                    .put("cut_off", reply.cutOff())
                    .put("finish_reason", reply.finishReason().name().toLowerCase(Locale.ROOT));
            result.putObject("timings_ms")
                    .put("stt", t.sttMs())
                    .put("llm_first_token", t.llmFirstTokenMs())
                    .put("first_chunk", t.firstChunkMs())
                    .put("first_audio", t.firstAudioMs())
                    .put("total", t.totalMs());
            stdout.println(mapper.writeValueAsString(result));
        } else {
            stdout.println("you:    " + TerminalText.safe(reply.userText()));
            stdout.println("parley: " + TerminalText.safe(reply.text()));
            StreamingPrinter.endingNotice(reply.finishReason()).ifPresent(notice -> stdout.println("        " + notice));
            stdout.printf("ms from end of input: stt %d | llm first token %d | first chunk %d"
                            + " | first audio %d | total %d%n",
                    t.sttMs(), t.llmFirstTokenMs(), t.firstChunkMs(), t.firstAudioMs(), t.totalMs());
            stdout.printf(Locale.ROOT, "wrote %.1f s of speech in %d chunks to %s%n", audio.durationSeconds(),
                    reply.chunks(), OptionChecks.isStandardOutput(out) ? "standard output" : out);
        }
        if (reply.cutOff() != null) {
            err().println("parley: the reply was cut off: " + TerminalText.safe(reply.cutOff()));
        }
        stdout.flush();
    }
}
