package dev.parley.cli;

import dev.parley.audio.AudioDeviceException;
import dev.parley.pipeline.TurnTimings;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * Renders the voice loop in the terminal: what the user said on stdout ("you: ..."), the answer as it
 * streams, "[interrupted]" where it was cut off; state, partial words and problems on stderr.
 */
final class VoicePrinter implements Consumer<VoiceEvent> {

    private final PrintWriter out;
    private final PrintWriter err;
    private final StreamingPrinter replies;
    private final boolean interactive;
    private final boolean timings;
    private final boolean handsFree;

    /** {@code handsFree}: a pause ends what the user says, not the Enter key. */
    VoicePrinter(CommandLine commandLine, boolean showThinking, boolean interactive, boolean timings,
            boolean handsFree) {
        this.out = commandLine.getOut();
        this.err = commandLine.getErr();
        this.replies = new StreamingPrinter(commandLine, showThinking);
        this.interactive = interactive;
        this.timings = timings;
        this.handsFree = handsFree;
    }

    @Override
    public synchronized void accept(VoiceEvent event) {
        switch (event) {
            case VoiceEvent.StateChanged change -> state(change);
            case VoiceEvent.PartialTranscript partial -> {
                if (interactive) {
                    err.print("\r\033[K… " + TerminalText.safe(partial.text()));
                    err.flush();
                }
            }
            case VoiceEvent.FinalTranscript transcript -> {
                if (interactive) {
                    err.print("\r\033[K");
                }
                if (!transcript.text().isBlank()) {
                    out.println("you: " + TerminalText.safe(transcript.text()));
                    out.print("parley: ");
                    out.flush();
                }
            }
            case VoiceEvent.Reply reply -> replies.accept(reply.event());
            case VoiceEvent.Interrupted interrupted -> {
                out.println(" [interrupted]");
                out.flush();
            }
            case VoiceEvent.Waterfall waterfall -> {
                if (timings) {
                    TurnTimings t = waterfall.timings();
                    err.printf("ms from end of speech: stt %d | llm first token %d | first chunk %d | first synthesized %d"
                                    + " | first audio %d | end %d%n", t.sttMs(), t.llmFirstTokenMs(), t.firstChunkMs(),
                            t.firstAudioMs(), t.firstSoundMs(), t.totalMs());
                    err.flush();
                }
            }
            case VoiceEvent.MicrophoneStatus status -> {
                err.println(status.working() ? "parley: the microphone works again." : "parley: "
                        + TerminalText.oneLine(AudioDeviceException.inOneLine(status.problem(), status.commands())));
                err.flush();
            }
            case VoiceEvent.Heard heard -> { }
            case VoiceEvent.AudioStarted started -> { }
            case VoiceEvent.TimerDone timer -> { } // the chat prints its own timer notice
            case VoiceEvent.WakeWordHeard heard -> {
                err.println("(heard the wake word: listening)");
                err.flush();
            }
            case VoiceEvent.ProviderHealth health -> { }
            case VoiceEvent.BudgetWarning warning -> {
                err.println("parley: " + TerminalText.oneLine(warning.text()));
                err.flush();
            }
            case VoiceEvent.Level level -> { }
            case VoiceEvent.ProviderChanged changed -> { } // the /provider command answers for itself
            case VoiceEvent.SpeechPartChange change -> {
                if (change.step() == VoiceEvent.SpeechPartChange.Step.FAILED) {
                    err.println("parley: " + TerminalText.oneLine(change.detail()));
                    err.flush();
                }
            }
        }
    }

    private void state(VoiceEvent.StateChanged change) {
        if (change.to() == VoiceState.LISTENING) {
            err.println(handsFree ? "(listening: speak; a pause ends it)" : "(listening: speak, then press Enter)");
        } else if (change.to() == VoiceState.ERROR || (change.to() == VoiceState.IDLE && !change.detail().isEmpty())) {
            err.println("parley: " + TerminalText.oneLine(change.detail()));
        }
        err.flush();
    }
}
