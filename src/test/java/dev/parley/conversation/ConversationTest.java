package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConversationTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void turnsCarryTheirTimeReasoningAndInterruption() {
        Conversation conversation = new Conversation("Be brief.", Clock.fixed(T0, ZoneOffset.UTC));

        conversation.addUser("Tell me a story.");
        conversation.addAssistant("Once upon", "a short one", true);

        assertThat(conversation.turns()).containsExactly(Turn.user("Tell me a story.", T0),
                Turn.assistant("Once upon", T0, "a short one", true));
        assertThat(conversation.messages()).as("reasoning is never sent back to the model")
                .containsExactly(Message.system("Be brief."), Message.user("Tell me a story."), Message.assistant("Once upon"));
    }

    @Test
    void foldingKeepsTurnsForTheRecordButSendsTheSummaryInstead() {
        Conversation conversation = new Conversation("Be brief.");
        conversation.addUser("one");
        conversation.addAssistant("two");
        conversation.addUser("three");

        conversation.foldOldest(2, "Counting.");

        assertThat(conversation.turnCount()).isEqualTo(3);
        assertThat(conversation.messages()).containsExactly(Message.system("Be brief."),
                Message.system("Summary of the earlier conversation: Counting."), Message.user("three"));
    }

    @Test
    void foldingWithoutASummaryDropsTheTurnsAndKeepsThePreviousSummary() {
        Conversation conversation = new Conversation("");
        conversation.addUser("one");
        conversation.addAssistant("two");
        conversation.addUser("three");
        conversation.addAssistant("four");
        conversation.foldOldest(2, "First.");

        conversation.foldOldest(2, null);

        assertThat(conversation.messages()).containsExactly(Message.system("Summary of the earlier conversation: First."));
        assertThatThrownBy(() -> conversation.foldOldest(1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withdrawingNeverReachesIntoFoldedTurnsAndClearForgetsTheSummary() {
        Conversation conversation = new Conversation("");
        conversation.addUser("one");
        conversation.foldOldest(1, "Asked one.");

        conversation.withdrawLastUserTurn();
        assertThat(conversation.turnCount()).isEqualTo(1);

        conversation.clear();
        assertThat(conversation.messages()).isEmpty();
        assertThat(conversation.summary()).isNull();
        assertThat(conversation.contextStart()).isZero();
    }
}
