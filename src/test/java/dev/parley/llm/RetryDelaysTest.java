package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.llm.LlmException.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryDelaysTest {

    private static final LlmException SERVER_ERROR = new LlmException(Kind.SERVER, "boom", null, null, "");

    @ParameterizedTest(name = "retry {0} with jitter draw {1} waits {2} ms")
    @CsvSource({
            "1, 0.5, 250",   // no jitter: the initial delay
            "2, 0.5, 500",   // doubles
            "3, 0.5, 1000",
            "6, 0.5, 4000",  // capped at the maximum
            "1, 0.0, 187.5", // -25 %
            "1, 1.0, 312.5", // +25 %
            "6, 1.0, 4000",  // jitter never goes past the maximum
    })
    void backsOffExponentiallyWithJitterUpToTheMaximum(int failedAttempts, double draw, double expectedMs) {
        var delays = new RetryDelays(Duration.ofMillis(250), Duration.ofMillis(4000), () -> draw);

        assertThat(delays.before(failedAttempts, SERVER_ERROR)).isEqualTo(Duration.ofNanos(Math.round(expectedMs * 1e6)));
    }

    @Test
    void waitsExactlyAsLongAsTheProviderAsked() {
        var delays = new RetryDelays(Duration.ofMillis(250), Duration.ofMillis(4000), () -> 0.0);
        var rateLimited = new LlmException(Kind.RATE_LIMIT, "slow down", null, Duration.ofSeconds(7), "");

        assertThat(delays.before(1, rateLimited)).isEqualTo(Duration.ofSeconds(7));
    }
}
