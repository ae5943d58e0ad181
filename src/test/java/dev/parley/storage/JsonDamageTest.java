package dev.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A damaged JSON file's problem in words: what and where, none of Jackson's own vocabulary. */
class JsonDamageTest {

    record Timer(String label, int seconds) {}

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "'[{\"label\": \"tea\",\n  \"seconds\": ' | it ends early (line 2, column 14)",
            "'[{\"label\": tea}]' | it is not JSON (line 1, column 12)",
            "'[{\"label\": \"tea\", \"seconds\": \"soon\"}]' | it is JSON but not a list of timers ('[0].seconds' has the wrong shape)",
            "'' | it is empty"})
    void saysWhatIsWrongAndWhere(String content, String reason) {
        IOException damage = catchThrowableOfType(IOException.class,
                () -> new ObjectMapper().readValue(content, new TypeReference<List<Timer>>() {}));

        assertThat(JsonDamage.reason(damage, "a list of timers")).isEqualTo(reason)
                .doesNotContain("Source", "REDACTED", "StreamReadFeature", "marker", "token", "Exception");
    }

    @Test
    void aFileThatCannotBeReadSaysWhy() {
        assertThat(JsonDamage.reason(new AccessDeniedException("/x/timers.json"), "a list of timers"))
                .isEqualTo("permission denied");
    }
}
