package dev.parley.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CurrentTimeTest {

    /** 2026-11-22 14:05 UTC, the user in Berlin. */
    private final CurrentTime tool = new CurrentTime(
            Clock.fixed(Instant.parse("2026-11-22T14:05:00Z"), ZoneId.of("Europe/Berlin")));

    @ParameterizedTest(name = "[{index}] zone {0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            none               | 2026-11-22T15:05:00+01:00 (Sunday, November 22, 2026, 3:05 PM, Europe/Berlin)
            ''                 | 2026-11-22T15:05:00+01:00 (Sunday, November 22, 2026, 3:05 PM, Europe/Berlin)
            UTC                | 2026-11-22T14:05:00Z (Sunday, November 22, 2026, 2:05 PM, UTC)
            America/New_York   | 2026-11-22T09:05:00-05:00 (Sunday, November 22, 2026, 9:05 AM, America/New_York)
            Asia/Kolkata       | 2026-11-22T19:35:00+05:30 (Sunday, November 22, 2026, 7:35 PM, Asia/Kolkata)
            Pacific/Kiritimati | 2026-11-23T04:05:00+14:00 (Monday, November 23, 2026, 4:05 AM, Pacific/Kiritimati)
            """)
    void tellsTheTimeInTheUsersOrTheNamedZone(String zone, String expected) {
        Map<String, Object> arguments = new HashMap<>();
        if (zone != null) {
            arguments.put("timezone", zone);
        }

        assertThat(tool.execute(ToolArguments.of(arguments))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"Mars/Olympus", "Berlin", "not a zone"})
    void namesAnExampleForAnUnknownZone(String zone) {
        assertThatThrownBy(() -> tool.execute(ToolArguments.of(Map.of("timezone", zone))))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("unknown time zone '" + zone + "'")
                .hasMessageContaining("Europe/Berlin");
    }
}
