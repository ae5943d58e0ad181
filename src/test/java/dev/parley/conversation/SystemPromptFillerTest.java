package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The system prompt template filled from a fixed clock, the user's name and remembered facts within budget. */
class SystemPromptFillerTest {

    /** Friday 2026-12-04, 23:58 in Berlin (22:58 UTC). */
    private static final Clock BERLIN_LATE = Clock.fixed(Instant.parse("2026-12-04T22:58:00Z"),
            ZoneId.of("Europe/Berlin"));

    private static SystemPromptFiller filler(Clock clock, String userName, List<String> facts, int budget) {
        return new SystemPromptFiller(clock, userName, text -> facts, budget);
    }

    @Test
    void fillsDateTimeZoneWeekdayAndNameFromTheClockAndConfig() {
        String filled = filler(BERLIN_LATE, "Sam", List.of(), 300)
                .fill("{weekday} {date} {time} {timezone}; talking with {user_name}.", List.of());

        assertThat(filled).isEqualTo("Friday 2026-12-04 23:58 Europe/Berlin (UTC+01:00); talking with Sam.");
    }

    @Test
    void withoutANameTheUserIsCalledTheUserAndWithoutFactsMemoriesSayNone() {
        String filled = filler(BERLIN_LATE, "  ", List.of(), 300).fill("{user_name}: {memories}", List.of());

        assertThat(filled).isEqualTo("the user: (none)");
    }

    @Test
    void aPromptWithoutPlaceholdersIsSentAsWrittenWithoutReadingMemories() {
        SystemPromptFiller filler = new SystemPromptFiller(BERLIN_LATE, "Sam", text -> {
            throw new AssertionError("memories read for a prompt that does not use them");
        }, 300);

        assertThat(filler.fill("Be brief. {\"json\": true}", List.of())).isEqualTo("Be brief. {\"json\": true}");
    }

    @Test
    void unknownNamesAndFactsQuotingPlaceholdersStayAsWritten() {
        String filled = filler(BERLIN_LATE, "Sam", List.of("I wrote {date} on the box."), 300)
                .fill("{mood} {memories}", List.of());

        assertThat(filled).isEqualTo("{mood} - I wrote {date} on the box.");
    }

    @Test
    void memoriesAreRankedAgainstTheRecentTurnsAndKeptWithinTheBudget() {
        AtomicReference<String> rankedAgainst = new AtomicReference<>();
        List<String> ranked = List.of("My wife's name is Anna.", // "- " + 23 chars + newline = 26 chars: 7 tokens
                "A fact far too long to fit in what is left of the budget, so it is skipped.",
                "Tea, no sugar."); // 17 chars: 5 tokens
        SystemPromptFiller filler = new SystemPromptFiller(BERLIN_LATE, "", text -> {
            rankedAgainst.set(text);
            return ranked;
        }, 12);
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            turns.add(Turn.user("turn " + i, Instant.EPOCH));
        }

        String memories = filler.fill("{memories}", turns);

        assertThat(memories).isEqualTo("- My wife's name is Anna.\n- Tea, no sugar.");
        assertThat(CharacterTokenEstimate.tokens(memories + "\n")).isLessThanOrEqualTo(12);
        assertThat(rankedAgainst.get()).contains("turn 2", "turn 7").doesNotContain("turn 1");
    }

    @Test
    void aZeroBudgetLeavesTheMemoriesOut() {
        assertThat(filler(BERLIN_LATE, "", List.of("Short."), 0).fill("{memories}", List.of())).isEqualTo("(none)");
    }

    @Test
    void anUnreadableMemoryDoesNotFailTheTurn() {
        SystemPromptFiller filler = new SystemPromptFiller(BERLIN_LATE, "", text -> {
            throw new IllegalStateException("memory.json is unreadable");
        }, 300);

        assertThat(filler.fill("Known: {memories}", List.of())).isEqualTo("Known: (none)");
    }

    @Test
    void aConversationKeptOpenOverMidnightGetsTheNewDateWithItsNextTurn() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-04T22:58:00Z"));
        Conversation conversation = new Conversation("Today is {date}.", clock,
                new SystemPromptFiller(clock, "", text -> List.of(), 300));

        conversation.addUser("Hi");
        assertThat(conversation.messages().getFirst()).isEqualTo(Message.system("Today is 2026-12-04."));
        conversation.addAssistant("Hello.");
        clock.now = Instant.parse("2026-12-04T23:03:00Z");
        assertThat(conversation.messages().getFirst().text()).as("same turn, same prompt").contains("2026-12-04");

        conversation.addUser("What day is it?");

        assertThat(conversation.messages().getFirst()).isEqualTo(Message.system("Today is 2026-12-05."));
        assertThat(conversation.systemPrompt()).isEqualTo("Today is {date}.");
    }

    @Test
    void theContextWindowCountsTheFilledPrompt() {
        // Filled, the prompt costs 105 tokens; as written, "{memories}" costs 7.
        Conversation conversation = new Conversation("{memories}", BERLIN_LATE,
                filler(BERLIN_LATE, "", List.of("x".repeat(400)), 300));
        String turn = "y".repeat(80); // 24 tokens each
        conversation.addUser(turn);
        conversation.addAssistant(turn);
        conversation.addUser(turn);

        new ContextWindow(150, new CharacterTokenEstimate(), (previous, messages) -> "short").fit(conversation);

        assertThat(conversation.contextStart()).as("105 + 3 * 24 tokens exceed 150: the first exchange is folded")
                .isEqualTo(2);
        assertThat(conversation.summary()).isEqualTo("short");
    }

    @Test
    void templateNamesItsUnknownPlaceholdersOnceEach() {
        assertThat(PromptTemplate.unknownPlaceholders("{date} {Name} {mood} {Name} {\"a\": 1} { }"))
                .containsExactly("Name", "mood");
        assertThat(PromptTemplate.fill("{date}/{time}", Map.of("date", "d"))).isEqualTo("d/{time}");
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/Berlin");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
