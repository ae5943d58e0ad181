package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContextWindowTest {

    private static final TokenCounter COUNTER = new CharacterTokenEstimate();

    /** Records each call and answers with a short summary naming how many turns it saw. */
    private static final class RecordingSummarizer implements Summarizer {
        final List<String> previousSummaries = new ArrayList<>();
        final List<List<Message>> calls = new ArrayList<>();

        @Override
        public String summarize(String previousSummary, List<Message> turns) {
            previousSummaries.add(previousSummary);
            calls.add(turns);
            return "summary " + calls.size();
        }
    }

    /** {@code pairs} user+assistant pairs of about 25 tokens each, then one open user turn. */
    private static Conversation chatWith(int pairs) {
        Conversation conversation = new Conversation("Be brief.");
        for (int i = 1; i <= pairs; i++) {
            conversation.addUser("question " + i + " " + "x".repeat(80));
            conversation.addAssistant("answer " + i + " " + "y".repeat(80));
        }
        conversation.addUser("the latest question");
        return conversation;
    }

    @ParameterizedTest(name = "{0} pairs, budget {1}")
    @CsvSource({"4, 120", "10, 200", "30, 300", "30, 1000", "50, 150"})
    void keepsTheContextWithinBudgetWithSystemPromptAndLatestUserTurn(int pairs, int budget) {
        Conversation conversation = chatWith(pairs);

        new ContextWindow(budget, COUNTER, new RecordingSummarizer()).fit(conversation);

        List<Message> messages = conversation.messages();
        assertThat(COUNTER.count(messages)).isLessThanOrEqualTo(budget);
        assertThat(messages.getFirst()).isEqualTo(Message.system("Be brief."));
        assertThat(messages.getLast()).isEqualTo(Message.user("the latest question"));
        assertThat(conversation.turnCount()).as("every turn is still kept for saving").isEqualTo(2 * pairs + 1);
    }

    @Test
    void leavesAConversationWithinBudgetUntouched() {
        Conversation conversation = chatWith(2);
        RecordingSummarizer summarizer = new RecordingSummarizer();

        new ContextWindow(6000, COUNTER, summarizer).fit(conversation);

        assertThat(summarizer.calls).isEmpty();
        assertThat(conversation.messages()).hasSize(6);
    }

    @Test
    void summarizesTheOldestWholePairsAndSendsTheSummaryAsSystemMessage() {
        Conversation conversation = chatWith(6);
        RecordingSummarizer summarizer = new RecordingSummarizer();

        new ContextWindow(300, COUNTER, summarizer).fit(conversation);

        assertThat(summarizer.calls).hasSize(1);
        List<Message> folded = summarizer.calls.getFirst();
        assertThat(folded).hasSizeGreaterThanOrEqualTo(2);
        assertThat(folded.size() % 2).as("whole user+assistant pairs").isZero();
        assertThat(folded.getFirst().text()).startsWith("question 1 ");
        assertThat(folded.getLast().role()).isEqualTo(Message.Role.ASSISTANT);
        assertThat(summarizer.previousSummaries).containsExactly((String) null);

        List<Message> messages = conversation.messages();
        assertThat(messages.get(1)).isEqualTo(Message.system("Summary of the earlier conversation: summary 1"));
        assertThat(messages.get(2).text()).startsWith("question " + (folded.size() / 2 + 1) + " ");
    }

    @Test
    void aHistoryFarOverTheBudgetIsSummarizedInOneRequestNoLargerThanTheBudget() {
        Conversation conversation = chatWith(1000); // 2,000 turns in context: ~54,000 tokens
        RecordingSummarizer summarizer = new RecordingSummarizer();

        new ContextWindow(600, COUNTER, summarizer).fit(conversation);

        assertThat(summarizer.calls).hasSize(1);
        List<Message> folded = summarizer.calls.getFirst();
        assertThat(COUNTER.count(folded)).isLessThanOrEqualTo(600);
        assertThat(folded.getFirst().role()).isEqualTo(Message.Role.USER);
        assertThat(folded.getLast().role()).isEqualTo(Message.Role.ASSISTANT);
        List<Message> messages = conversation.messages();
        assertThat(COUNTER.count(messages)).isLessThanOrEqualTo(600);
        assertThat(messages.get(2).text()).as("the context goes on where the summary ends")
                .isEqualTo(conversation.contextTurns().getFirst().text());
        assertThat(conversation.turnCount()).isEqualTo(2001);
    }

    @Test
    void foldsTheOldSummaryIntoTheNextOne() {
        Conversation conversation = chatWith(6);
        RecordingSummarizer summarizer = new RecordingSummarizer();
        ContextWindow window = new ContextWindow(150, COUNTER, summarizer);
        window.fit(conversation);

        for (int i = 7; i <= 12; i++) {
            conversation.addAssistant("answer " + i + " " + "y".repeat(80));
            conversation.addUser("question " + (i + 1) + " " + "x".repeat(80));
            window.fit(conversation);
        }

        assertThat(summarizer.calls).hasSizeGreaterThan(1);
        assertThat(summarizer.previousSummaries.get(1)).isEqualTo("summary 1");
        assertThat(conversation.messages().get(1).text()).endsWith("summary " + summarizer.calls.size());
        assertThat(conversation.messages().stream().filter(m -> m.role() == Message.Role.SYSTEM)).hasSize(2);
    }

    @Test
    void dropsTheOldestTurnsWhenSummarizingFails() {
        Conversation conversation = chatWith(6);
        Summarizer failing = (previous, turns) -> {
            throw new IllegalStateException("model unreachable");
        };

        new ContextWindow(150, COUNTER, failing).fit(conversation);

        List<Message> messages = conversation.messages();
        assertThat(COUNTER.count(messages)).isLessThanOrEqualTo(150);
        assertThat(messages).noneMatch(m -> m.text().startsWith("Summary of"));
        assertThat(messages).noneMatch(m -> m.text().startsWith("question 1 "));
        assertThat(messages.getLast()).isEqualTo(Message.user("the latest question"));
    }

    @Test
    void keepsTheLatestUserTurnEvenWhenItAloneExceedsTheBudget() {
        Conversation conversation = new Conversation("Be brief.");
        conversation.addUser("short");
        conversation.addAssistant("short");
        conversation.addUser("z".repeat(2000));

        new ContextWindow(100, COUNTER, new RecordingSummarizer()).fit(conversation);

        assertThat(conversation.messages()).extracting(Message::role)
                .containsExactly(Message.Role.SYSTEM, Message.Role.SYSTEM, Message.Role.USER);
        assertThat(conversation.messages().getLast().text()).hasSize(2000);
    }

    @ParameterizedTest(name = "\"{0}\" costs {1} tokens")
    @CsvSource(delimiter = '|', value = {"'' | 4", "a | 5", "abcd | 5", "abcde | 6", "'" + "12345678" + "' | 6"})
    void estimatesFourCharactersPerTokenPlusFourPerMessage(String text, int tokens) {
        assertThat(new CharacterTokenEstimate().count(Message.user(text))).isEqualTo(tokens);
    }
}
