package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.conversation.Message;
import dev.parley.conversation.ToolCall;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSummarizerTest {

    /** Answers every request with a fixed text and remembers what it was sent. */
    private static final class FakeModel implements LanguageModel {
        final List<List<Message>> requests = new ArrayList<>();
        private final String answer;

        FakeModel(String answer) {
            this.answer = answer;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public String describe() {
            return "fake";
        }

        @Override
        public LlmReply reply(List<Message> messages, ReplyListener listener) {
            requests.add(messages);
            if (answer == null) {
                throw new LlmException("The fake model is down.");
            }
            return new LlmReply(answer, "", -1, -1, 0, "scripted");
        }
    }

    @Test
    void asksTheModelToMergeThePreviousSummaryWithTheTurnsAsATranscript() {
        FakeModel model = new FakeModel("  Ada likes tea.  ");

        String summary = new ModelSummarizer(model).summarize("Ada is a user.",
                List.of(Message.user("I like tea."), Message.assistant("Noted.")));

        assertThat(summary).isEqualTo("Ada likes tea.");
        List<Message> request = model.requests.getFirst();
        assertThat(request.getFirst()).isEqualTo(Message.system(ModelSummarizer.INSTRUCTIONS));
        assertThat(request.get(1).text()).isEqualTo("""
                Previous summary: Ada is a user.

                Conversation to summarize:
                User: I like tea.
                Assistant: Noted.
                """);
    }

    @Test
    void toolCallsAndTheirResultsAreInTheTranscriptInOrder() {
        FakeModel model = new FakeModel("x");
        ToolCall call = new ToolCall("call_1", "calculate", "{\"expression\":\"21*2\"}", "42");

        new ModelSummarizer(model).summarize(null, List.of(Message.user("what is 21*2"),
                Message.toolRequest("Let me see.", List.of(call)), Message.toolResult(call),
                Message.assistant("It is 42.")));

        assertThat(model.requests.getFirst().get(1).text()).isEqualTo("""
                Conversation to summarize:
                User: what is 21*2
                Assistant: Let me see. [called calculate {"expression":"21*2"}]
                Tool calculate returned: 42
                Assistant: It is 42.
                """);
    }

    @Test
    void withoutAPreviousSummaryOnlyTheTranscriptIsSent() {
        FakeModel model = new FakeModel("x");

        new ModelSummarizer(model).summarize(null, List.of(Message.user("Hi"), Message.assistant("Hello")));

        assertThat(model.requests.getFirst().get(1).text()).startsWith("Conversation to summarize:\nUser: Hi\n");
    }

    @Test
    void aFailingModelFailsTheSummarySoTheWindowCanDropTheTurns() {
        assertThatThrownBy(() -> new ModelSummarizer(new FakeModel(null)).summarize(null, List.of(Message.user("Hi"))))
                .isInstanceOf(LlmException.class);
    }
}
