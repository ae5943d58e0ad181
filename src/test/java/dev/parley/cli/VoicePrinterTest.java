package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code chat --voice} prints of the voice loop's problems, which quote providers and devices. */
class VoicePrinterTest {

    private static final String HOSTILE = "provider said \u001B]0;pwned\u0007\u001B[2J";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private VoicePrinter printer;

    @BeforeEach
    void printer() {
        CommandLine commandLine = new CommandLine(new ParleyCommand(InputStream.nullInputStream(), System.out, () -> false))
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        printer = new VoicePrinter(commandLine, false, false, false, false);
    }

    @Test
    void problemsQuotingAServerOrADeviceCannotCommandTheTerminal() {
        printer.accept(new VoiceEvent.StateChanged(VoiceState.THINKING, VoiceState.ERROR, 1, HOSTILE));
        printer.accept(new VoiceEvent.StateChanged(VoiceState.SPEAKING, VoiceState.IDLE, 2, HOSTILE));
        printer.accept(new VoiceEvent.MicrophoneStatus(HOSTILE));
        printer.accept(new VoiceEvent.BudgetWarning("daily", HOSTILE));
        printer.accept(new VoiceEvent.SpeechPartChange("voice", VoiceEvent.SpeechPartChange.Step.FAILED, HOSTILE));

        assertThat(err.toString().lines()).hasSize(5)
                .allSatisfy(line -> assertThat(line).isEqualTo("parley: provider said ␛]0;pwned␇␛[2J"));
        assertThat(out.toString()).isEmpty();
    }
}
