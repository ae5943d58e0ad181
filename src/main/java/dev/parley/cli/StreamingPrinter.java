package dev.parley.cli;

import dev.parley.llm.FinishReason;
import dev.parley.pipeline.EndingNotices;
import dev.parley.pipeline.TurnEvent;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * Renders turn events in the terminal: answer text to stdout as it arrives, reasoning to stderr
 * when asked, tool calls compactly on stderr, and short notes (a cut-off answer, a fallback
 * provider, an answer cut short at max-tokens or stopped by a safety filter) where they belong. What the model sends is printed
 * through {@link TerminalText}.
 */
final class StreamingPrinter implements Consumer<TurnEvent> {

    /**
     * The note an answer that ended for {@code reason} gets on stderr, if its text may not be the whole
     * answer: {@link EndingNotices}' words, in parentheses.
     */
    static Optional<String> endingNotice(FinishReason reason) {
        return EndingNotices.written(reason).map(words -> "(" + words + ")");
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean showThinking;
    /** The thread a typed turn runs on, or null where turns run elsewhere (the voice chat). */
    private final Thread turnThread;
    private volatile boolean outputLost;
    private boolean thinking;
    private String askedProvider;

    /** Prints the turns of the voice chat, which stops them itself. */
    StreamingPrinter(CommandLine commandLine, boolean showThinking) {
        this(commandLine, showThinking, null);
    }

    /**
     * Prints typed turns run on {@code turnThread}: when the answer can no longer be written (a full
     * disk, {@code | head -c1}), the thread is interrupted, which cancels the turn at once instead of
     * reading the rest of a reply nobody will see.
     */
    StreamingPrinter(CommandLine commandLine, boolean showThinking, Thread turnThread) {
        this.out = commandLine.getOut();
        this.err = commandLine.getErr();
        this.showThinking = showThinking;
        this.turnThread = turnThread;
    }

    /** Whether a turn was stopped because its answer (or the thinking asked for) could not be written. */
    boolean outputLost() {
        return outputLost;
    }

    @Override
    public void accept(TurnEvent event) {
        switch (event) {
            case TurnEvent.Started started -> askedProvider = started.provider();
            case TurnEvent.Text text -> {
                endThinking();
                out.print(TerminalText.safe(text.delta()));
                out.flush();
                stopTurnIfOutputLost();
            }
            case TurnEvent.Reasoning reasoning -> {
                if (showThinking) {
                    thinking = true;
                    err.print(TerminalText.safe(reasoning.delta()));
                    err.flush();
                    stopTurnIfOutputLost(); // asked to be shown, and nobody can read it
                }
            }
            case TurnEvent.Completed completed -> {
                endThinking();
                out.println();
                out.flush();
                endingNotice(completed.finishReason()).ifPresent(notice -> {
                    err.println(notice);
                    err.flush();
                });
                if (completed.provider() != null && !completed.provider().equals(askedProvider)) {
                    // A fallback answered: worth knowing, but not part of the answer.
                    err.println("(answered by fallback provider '" + TerminalText.oneLine(completed.provider()) + "')");
                    err.flush();
                }
            }
            case TurnEvent.Failed failed -> {
                endThinking();
                if (!failed.partialAnswer().isBlank()) {
                    out.println(" [cut off]");
                    out.flush();
                }
            }
            case TurnEvent.ToolCallFinished call -> {
                endThinking();
                err.println(ToolCallFormat.call(call.tool(), call.arguments(), call.result()));
                err.flush();
            }
            case TurnEvent.ToolCallStarted call -> { }
            case TurnEvent.Chunk chunk -> { }
            case TurnEvent.Written written -> { }
        }
    }

    private void stopTurnIfOutputLost() {
        if (turnThread != null && !outputLost && (out.checkError() || showThinking && err.checkError())) {
            outputLost = true;
            turnThread.interrupt();
        }
    }

    private void endThinking() {
        if (thinking) {
            err.println();
            err.flush();
            thinking = false;
        }
    }
}
