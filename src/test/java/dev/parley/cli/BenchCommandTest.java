package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.testing.CliRun;
import dev.parley.testing.TestConfigs;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped benchmark runs the real voice path end to end and reports every stage (no timing asserted). */
@Tag("real") // the real speech model and voice, end to end
class BenchCommandTest {

    @TempDir
    Path folder;

    @Test
    void reportsRealTimeFactorsAndTheStageWaterfall() throws Exception {
        Path config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9");

        CliRun run = CliRun.of("bench", "--config", config.toString(), "--turns", "2", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.path("turns").asInt()).isEqualTo(2);
        assertThat(result.path("stt_rtf").asDouble()).isPositive();
        assertThat(result.path("tts_rtf").asDouble()).isPositive();
        JsonNode streaming = result.path("streaming");
        for (String stage : new String[] {"stt_ms", "llm_first_token_ms", "first_chunk_ms", "first_audio_ms", "total_ms"}) {
            assertThat(streaming.path(stage).path("p50").asLong()).as(stage).isPositive();
            assertThat(streaming.path(stage).path("p95").asLong()).as(stage)
                    .isGreaterThanOrEqualTo(streaming.path(stage).path("p50").asLong());
        }
        assertThat(streaming.path("first_audio_ms").path("p50").asLong())
                .isGreaterThan(streaming.path("first_chunk_ms").path("p50").asLong());
        assertThat(result.path("first_turn_ms").path("total").asLong()).isPositive();
    }

    @Test
    void echoBenchmarkReportsErleAndCpuForEachDelay() throws Exception {
        Path config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9");

        CliRun run = CliRun.of("bench", "--config", config.toString(), "--echo", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.path("processing").asText()).contains("echo cancellation");
        assertThat(result.path("cases")).hasSize(4);
        for (JsonNode c : result.path("cases")) {
            // Measured 65-68 dB p50 on this linear simulated room; 25 dB is the goal.
            assertThat(c.path("erle_db").path("p50").asDouble()).as("delay %s", c.path("delay_ms"))
                    .isGreaterThanOrEqualTo(25);
            assertThat(c.path("erle_db").path("p10").asDouble()).isLessThanOrEqualTo(c.path("erle_db").path("p50").asDouble());
            assertThat(c.path("cpu_ms_per_audio_second").asDouble()).isPositive();
        }
        assertThat(result.path("cases").findValuesAsText("delay_ms")).containsExactly("20", "60", "120", "250");
    }
}
