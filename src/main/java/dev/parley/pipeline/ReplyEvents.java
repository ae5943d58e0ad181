package dev.parley.pipeline;

import dev.parley.conversation.ToolRound;
import dev.parley.llm.ReplyListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * A streaming reply as turn events: the one adapter typed and voice turns share, so both report
 * text, reasoning and tool calls the same way. {@code alsoText} sees each answer delta too (the
 * voice path chunks it for speech). It keeps the turn's finished tool rounds for the conversation
 * record.
 */
final class ReplyEvents implements ReplyListener {

    private final TurnClock clock;
    private final Consumer<TurnEvent> events;
    private final Consumer<String> alsoText;
    /** Calls still waiting for their results; a result is paired with the oldest call of its tool. */
    private final Deque<String[]> pendingCalls = new ArrayDeque<>();
    /** The tool rounds that finished, every call with its result: what the conversation records. */
    private final List<ToolRound> rounds = new ArrayList<>();

    ReplyEvents(TurnClock clock, Consumer<TurnEvent> events, Consumer<String> alsoText) {
        this.clock = clock;
        this.events = events;
        this.alsoText = alsoText;
    }

    @Override
    public void onText(String delta) {
        clock.markFirstToken();
        events.accept(new TurnEvent.Text(clock.turn(), delta));
        alsoText.accept(delta);
    }

    @Override
    public void onReasoning(String delta) {
        events.accept(new TurnEvent.Reasoning(clock.turn(), delta));
    }

    @Override
    public synchronized void onToolCall(String toolName, String argumentsJson) {
        pendingCalls.add(new String[] {toolName, argumentsJson});
        events.accept(new TurnEvent.ToolCallStarted(clock.turn(), toolName, argumentsJson));
    }

    @Override
    public synchronized void onToolResult(String toolName, String result) {
        String arguments = "";
        for (var calls = pendingCalls.iterator(); calls.hasNext(); ) {
            String[] call = calls.next();
            if (call[0].equals(toolName)) {
                arguments = call[1];
                calls.remove();
                break;
            }
        }
        events.accept(new TurnEvent.ToolCallFinished(clock.turn(), toolName, arguments, result));
    }

    @Override
    public synchronized void onToolRound(ToolRound round) {
        rounds.add(round);
    }

    /** The finished tool rounds so far, in order. */
    synchronized List<ToolRound> rounds() {
        return List.copyOf(rounds);
    }
}
