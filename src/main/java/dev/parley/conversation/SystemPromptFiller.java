package dev.parley.conversation;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Fills the placeholders of {@link PromptTemplate} from the clock, the configured user name and the
 * remembered facts:
 *
 * <ul>
 *   <li>{@code {date}}: ISO, like 2026-12-04, unambiguous in every language the model may answer in;
 *   <li>{@code {time}}: 24-hour, like 14:05;
 *   <li>{@code {timezone}}: the zone and its offset now, like Europe/Berlin (UTC+01:00);
 *   <li>{@code {weekday}}: in English, like Friday;
 *   <li>{@code {user_name}}: {@code llm.user-name}, or "the user" when it is empty;
 *   <li>{@code {memories}}: one "- fact" line per remembered fact, or "(none)".
 * </ul>
 *
 * <p>Which facts: {@code rankedFacts} orders all of them by relevance to the words of the last
 * {@link #RECENT_TURNS} turns (the store's own rule: shared words first, newest first among
 * equals); they are taken in that order while the block stays within {@code memoryTokens}
 * estimated tokens ({@link CharacterTokenEstimate}), a fact too long for what is left being
 * skipped for shorter ones after it. A small memory thus fits whole; a large one gives way to
 * what the conversation is about.
 */
public final class SystemPromptFiller implements PromptFiller {

    /** Three exchanges: enough to know the topic, few enough that an old one does not pull facts in. */
    static final int RECENT_TURNS = 6;
    static final String NO_MEMORIES = "(none)";
    static final String UNNAMED_USER = "the user";

    private static final Logger LOG = LogManager.getLogger(SystemPromptFiller.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx", Locale.ROOT);

    private final Clock clock;
    private final String userName;
    private final Function<String, List<String>> rankedFacts;
    private final int memoryTokens;

    /**
     * @param clock the time and, through its zone, the user's time zone
     * @param rankedFacts every remembered fact, most relevant to the given text first
     * @param memoryTokens the budget of {@code {memories}}, {@code llm.memory.prompt-tokens}
     */
    public SystemPromptFiller(Clock clock, String userName, Function<String, List<String>> rankedFacts,
            int memoryTokens) {
        this.clock = clock;
        this.userName = userName == null || userName.isBlank() ? UNNAMED_USER : userName.strip();
        this.rankedFacts = rankedFacts;
        this.memoryTokens = memoryTokens;
    }

    @Override
    public String fill(String template, List<Turn> contextTurns) {
        Set<String> used = PromptTemplate.used(template);
        if (used.isEmpty()) {
            return template;
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        Map<String, String> values = new HashMap<>();
        values.put("date", now.toLocalDate().toString());
        values.put("time", now.format(TIME));
        values.put("timezone", now.getZone().getId() + " (UTC" + now.format(OFFSET) + ")");
        values.put("weekday", now.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        values.put("user_name", userName);
        if (used.contains("memories")) {
            values.put("memories", memories(contextTurns));
        }
        return PromptTemplate.fill(template, values);
    }

    private String memories(List<Turn> contextTurns) {
        List<String> ranked;
        try {
            ranked = rankedFacts.apply(recentText(contextTurns));
        } catch (RuntimeException e) {
            // An unreadable memory file fails the memory tools, not every turn.
            LOG.warn("Remembered facts left out of the system prompt: {}", e.getMessage());
            return NO_MEMORIES;
        }
        List<String> lines = new ArrayList<>();
        int used = 0;
        for (String fact : ranked) {
            String line = "- " + fact.strip();
            // The newline that joins it to the block counts too.
            int cost = CharacterTokenEstimate.tokens(line + "\n");
            if (used + cost <= memoryTokens) {
                lines.add(line);
                used += cost;
            }
        }
        return lines.isEmpty() ? NO_MEMORIES : String.join("\n", lines);
    }

    private static String recentText(List<Turn> contextTurns) {
        StringBuilder text = new StringBuilder();
        for (Turn turn : contextTurns.subList(Math.max(0, contextTurns.size() - RECENT_TURNS), contextTurns.size())) {
            text.append(turn.text()).append('\n');
        }
        return text.toString();
    }
}
