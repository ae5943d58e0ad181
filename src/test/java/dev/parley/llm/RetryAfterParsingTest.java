package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading a provider's requested wait from the Retry-After header, or from an error body that states it. */
class RetryAfterParsingTest {

    @ParameterizedTest(name = "Retry-After: {0}")
    @CsvSource({"7, 7000", "0, 0", "1.5, 1500", "' 20 ', 20000"})
    void headerInSecondsIsRead(String header, long millis) {
        assertThat(HeaderKeepingHttpClient.parseRetryAfter(header)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void headerAsAnHttpDateIsTheTimeUntilThen() {
        String inAMinute = ZonedDateTime.now().plusSeconds(60).format(DateTimeFormatter.RFC_1123_DATE_TIME);

        assertThat(HeaderKeepingHttpClient.parseRetryAfter(inAMinute))
                .isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
    }

    @Test
    void unreadableHeaderMeansNoStatedWait() {
        assertThat(HeaderKeepingHttpClient.parseRetryAfter("soon")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"error\":{\"details\":[{\"retryDelay\": \"17s\"}]}}                      | 17000",
            "{\"error\":{\"details\":[{\"retryDelay\":\"2.5s\"}]}}                       | 2500",
            "Rate limit reached for gpt-4o-mini. Please try again in 20s.             | 20000",
            "Rate limit reached. Please try again in 350ms.                           | 350",
            "{\"retry_after\": 3}                                                       | 3000",
    })
    void waitStatedInTheBodyIsRead(String body, long millis) {
        assertThat(ProviderErrors.retryAfterIn(body.strip())).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void bodyWithoutAWaitMeansNoStatedWait() {
        assertThat(ProviderErrors.retryAfterIn("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\"}}")).isNull();
    }
}
