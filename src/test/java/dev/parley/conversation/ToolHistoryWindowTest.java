package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Answers that used tools in the token window: counted, summarized and dropped whole, so what is
 * sent never holds a tool result without its call or a call without its result (OpenAI and
 * Anthropic refuse such a request with a 400).
 */
class ToolHistoryWindowTest {

    private static final TokenCounter COUNTER = new CharacterTokenEstimate();

    /** Answers with a summary, or fails every call when {@code failing}: the turns are then dropped. */
    private static final class Summaries implements Summarizer {
        final boolean failing;
        final List<List<Message>> calls = new ArrayList<>();

        Summaries(boolean failing) {
            this.failing = failing;
        }

        @Override
        public String summarize(String previousSummary, List<Message> turns) {
            calls.add(turns);
            if (failing) {
                throw new IllegalStateException("model down");
            }
            return "summary " + calls.size();
        }
    }

    private static ToolRound round(int turn, int calls) {
        List<ToolCall> made = new ArrayList<>();
        for (int call = 1; call <= calls; call++) {
            made.add(new ToolCall("call_" + turn + "_" + call, "calculate", "{\"expression\":\"" + turn + "*" + call
                    + "\"}", String.valueOf(turn * call) + " " + "r".repeat(40)));
        }
        return new ToolRound(turn % 2 == 0 ? "Let me check." : "", made);
    }

    /** Turns of every kind: plain answers, answers with one round of one or two calls, with two rounds. */
    private static Conversation chatWith(int pairs) {
        Conversation conversation = new Conversation("Be brief.");
        for (int i = 1; i <= pairs; i++) {
            conversation.addUser("question " + i + " " + "x".repeat(60));
            List<ToolRound> rounds = switch (i % 4) {
                case 0 -> List.of();
                case 1 -> List.of(round(i, 1));
                case 2 -> List.of(round(i, 2));
                default -> List.of(round(i, 1), round(i + 100, 2));
            };
            String said = rounds.stream().map(ToolRound::text).filter(text -> !text.isEmpty())
                    .reduce((a, b) -> a + " " + b).map(text -> text + " ").orElse("");
            conversation.addAssistant(said + "answer " + i + " " + "y".repeat(60), null, false, rounds);
        }
        conversation.addUser("the latest question");
        return conversation;
    }

    /** What OpenAI and Anthropic check: each call answered right after its request, no result without a call. */
    static void assertEveryCallIsAnsweredAndEveryResultHasItsCall(List<Message> messages) {
        Set<String> open = new HashSet<>();
        for (Message message : messages) {
            if (message.role() == Message.Role.TOOL) {
                String id = message.toolCalls().getFirst().id();
                assertThat(open).as("a result whose call was sent just before it: " + id).contains(id);
                open.remove(id);
                continue;
            }
            assertThat(open).as("calls answered before the next message").isEmpty();
            if (message.requestsTools()) {
                message.toolCalls().forEach(call -> open.add(call.id()));
            }
        }
        assertThat(open).as("calls answered by the end").isEmpty();
    }

    @Test
    void theCheckRejectsAnOrphanResultAndAnUnansweredCall() {
        ToolCall call = new ToolCall("call_1", "calculate", "{}", "42");

        assertThatThrownBy(() -> assertEveryCallIsAnsweredAndEveryResultHasItsCall(
                List.of(Message.user("hi"), Message.toolResult(call), Message.assistant("42"))))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertEveryCallIsAnsweredAndEveryResultHasItsCall(
                List.of(Message.user("hi"), Message.toolRequest("", List.of(call)), Message.user("and?"))))
                .isInstanceOf(AssertionError.class);
    }

    @ParameterizedTest(name = "budget {0}")
    @ValueSource(ints = {60, 100, 150, 200, 250, 300, 400, 500, 700, 1000, 1500, 3000})
    void neverPartsACallFromItsResultWhenFoldingIntoASummary(int budget) {
        Conversation conversation = chatWith(12);
        Summaries summaries = new Summaries(false);

        new ContextWindow(budget, COUNTER, summaries).fit(conversation);

        assertEveryCallIsAnsweredAndEveryResultHasItsCall(conversation.messages());
        summaries.calls.forEach(ToolHistoryWindowTest::assertEveryCallIsAnsweredAndEveryResultHasItsCall);
        assertThat(conversation.messages().getLast()).isEqualTo(Message.user("the latest question"));
    }

    @ParameterizedTest(name = "budget {0}")
    @ValueSource(ints = {60, 100, 150, 200, 250, 300, 400, 500, 700, 1000})
    void neverPartsACallFromItsResultWhenDroppingTurnsBecauseTheSummaryFailed(int budget) {
        Conversation conversation = chatWith(12);

        new ContextWindow(budget, COUNTER, new Summaries(true)).fit(conversation);

        assertEveryCallIsAnsweredAndEveryResultHasItsCall(conversation.messages());
        assertThat(conversation.summary()).isNull();
    }

    @ParameterizedTest(name = "{0} pairs")
    @ValueSource(ints = {1, 3, 8})
    void countsToolCallsAndResultsAsPartOfTheContext(int pairs) {
        Conversation withTools = chatWith(pairs);
        Conversation withoutTools = new Conversation("Be brief.");
        for (Turn turn : withTools.turns()) {
            if (turn.role() == Message.Role.USER) {
                withoutTools.addUser(turn.text());
            } else {
                withoutTools.addAssistant(turn.text());
            }
        }
        int callsAndResults = withTools.turns().stream().mapToInt(turn -> turn.toolCalls().size()).sum();

        int extra = COUNTER.count(withTools.messages()) - COUNTER.count(withoutTools.messages());

        // Each call: its request (name, id, arguments) and its result (a 40-character text and more).
        assertThat(extra).isGreaterThanOrEqualTo(callsAndResults * 15);
    }

    // Budgets the folded turns fit into whole: one summary request takes at most the budget's worth.
    @ParameterizedTest(name = "budget {0}")
    @ValueSource(ints = {450, 550})
    void summarizesAToolAnswerWithItsCallsAndResults(int budget) {
        Conversation conversation = chatWith(6);
        Summaries summaries = new Summaries(false);

        new ContextWindow(budget, COUNTER, summaries).fit(conversation);

        List<Message> summarized = summaries.calls.getFirst();
        assertThat(summarized).anyMatch(Message::requestsTools);
        assertThat(summarized).anyMatch(message -> message.role() == Message.Role.TOOL
                && message.text().startsWith("1 "));
    }
}
