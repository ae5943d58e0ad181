package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.voice.VoiceEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** API clients (SSE and WebSocket share EventJson) get a budget warning as {@code budget.warning}. */
class BudgetWarningJsonTest {

    @Test
    void aBudgetWarningIsSentWithItsLimitKeyAndText() {
        var json = EventJson.of(3, Instant.EPOCH, new VoiceEvent.BudgetWarning("usage.budget.monthly",
                "Spending is at 80 % of the monthly budget: 8.00 of 10.00 USD this month (usage.budget.monthly)."));

        assertThat(json.path("type").asText()).isEqualTo("budget.warning");
        assertThat(json.path("limit").asText()).isEqualTo("usage.budget.monthly");
        assertThat(json.path("text").asText()).startsWith("Spending is at 80 %");
        assertThat(json.path("seq").asLong()).isEqualTo(3);
    }
}
