package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How an answer's tool rounds become messages, and what a cut-off answer keeps of them. */
class ToolHistoryConversationTest {

    private static final ToolCall CALL = new ToolCall("call_1", "calculate", "{\"expression\":\"21*2\"}", "42");
    private static final ToolCall SECOND = new ToolCall("call_2", "current_time", "{}", "12:00");
    private static final ToolRound ROUND = new ToolRound("Let me work that out.", List.of(CALL, SECOND));

    private static Conversation asked() {
        Conversation conversation = new Conversation("");
        conversation.addUser("what is 21*2?");
        return conversation;
    }

    @Test
    void anAnswerWithToolsIsSentAsTheRequestThenEachResultThenTheRestOfItsText() {
        Conversation conversation = asked();
        conversation.addAssistant("Let me work that out. It is 42.", null, false, List.of(ROUND));

        assertThat(conversation.messages()).containsExactly(Message.user("what is 21*2?"),
                Message.toolRequest("Let me work that out.", List.of(CALL, SECOND)), Message.toolResult(CALL),
                Message.toolResult(SECOND), Message.assistant("It is 42."));
    }

    @Test
    void roundsOfAnAnswerCutToWhatWasHeardCarryNoWordsSoNothingIsSaidTwice() {
        Conversation conversation = asked();
        conversation.addAssistant("Let me", null, true, List.of(ROUND));

        assertThat(conversation.messages()).containsExactly(Message.user("what is 21*2?"),
                Message.toolRequest("", List.of(CALL, SECOND)), Message.toolResult(CALL), Message.toolResult(SECOND),
                Message.assistant("Let me"));
    }

    @Test
    void anAnswerThatEndedWithItsToolsSendsNoEmptyAssistantMessage() {
        Conversation conversation = asked();
        conversation.addAssistant("Let me work that out.", null, true, List.of(ROUND));

        assertThat(conversation.messages()).containsExactly(Message.user("what is 21*2?"),
                Message.toolRequest("Let me work that out.", List.of(CALL, SECOND)), Message.toolResult(CALL),
                Message.toolResult(SECOND));
    }

    @Test
    void aBargeInAfterTheToolsRanKeepsTheirRoundEvenWhenNothingWasHeard() {
        Conversation conversation = asked();

        conversation.endInterruptedTurn("", List.of(ROUND));

        assertThat(conversation.turns()).hasSize(2);
        Turn answer = conversation.turns().getLast();
        assertThat(answer.text()).isEmpty();
        assertThat(answer.interrupted()).isTrue();
        assertThat(answer.toolRounds()).containsExactly(ROUND);
    }

    @Test
    void aBargeInBeforeAnyRoundFinishedTakesTheQuestionBack() {
        Conversation conversation = asked();

        conversation.endInterruptedTurn("", List.of());

        assertThat(conversation.turns()).isEmpty();
    }

    @Test
    void aBargeInDuringPlaybackKeepsTheRecordedAnswersRoundsWithWhatWasHeard() {
        Conversation conversation = asked();
        conversation.addAssistant("Let me work that out. It is 42.", "r", false, List.of(ROUND));

        conversation.endInterruptedTurn("Let me work that out. It", List.of());

        Turn answer = conversation.turns().getLast();
        assertThat(answer.text()).isEqualTo("Let me work that out. It");
        assertThat(answer.reasoning()).isEqualTo("r");
        assertThat(answer.toolRounds()).containsExactly(ROUND);
        assertThat(conversation.turns()).hasSize(2);
    }

    @Test
    void aFailureAfterTheToolsRanKeepsTheirRoundAndThePartialAnswer() {
        Conversation failedEarly = asked();
        failedEarly.endFailedTurn("", List.of(ROUND));
        Conversation failedLate = asked();
        failedLate.endFailedTurn("Let me work that out. It is", List.of(ROUND));
        Conversation failedBeforeTools = asked();
        failedBeforeTools.endFailedTurn(" ", List.of());

        assertThat(failedEarly.turns().getLast().toolRounds()).containsExactly(ROUND);
        assertThat(failedLate.turns().getLast().text()).isEqualTo("Let me work that out. It is");
        assertThat(failedLate.turns().getLast().interrupted()).isTrue();
        assertThat(failedBeforeTools.turns()).isEmpty();
    }
}
