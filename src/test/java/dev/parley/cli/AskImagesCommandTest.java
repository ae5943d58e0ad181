package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.CliRun;
import dev.parley.testing.TestConfigs;
import dev.parley.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** {@code parley ask --image FILE} and {@code --screen}, against the scripted server. */
class AskImagesCommandTest {

    @TempDir
    Path folder;

    /** Provider "local" (model "scripted", vision as given) and "eyes", a gpt-4o nobody asks. */
    private Path config(ScriptedLlmServer server, String vision) throws Exception {
        return TestConfigs.write(folder, """
                llm:
                  active: local
                  providers:
                    local:
                      type: openai-compatible
                      base-url: %s
                      model: scripted
                      timeout-seconds: 10
                      vision: %s
                    eyes:
                      type: openai-compatible
                      base-url: http://127.0.0.1:9/v1
                      model: gpt-4o
                """.formatted(server.baseUrl(), vision));
    }

    @Test
    void everyImageGoesWithTheQuestionAndLargeOnesAreScaled() throws Exception {
        Path small = Files.write(folder.resolve("small.png"), TestImages.png(100, 50));
        Path large = Files.write(folder.resolve("large.jpg"), TestImages.jpeg(3200, 1600));
        byte[] largeBefore = Files.readAllBytes(large);
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Two pictures."))) {
            CliRun run = CliRun.of("ask", "--config", config(server, "true").toString(), "--image", small.toString(),
                    "--image", large.toString(), "What", "are", "these?");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("Two pictures." + System.lineSeparator());
            JsonNode content = server.requests().getFirst().path("messages").get(1).path("content");
            assertThat(content.get(0).path("text").asText()).isEqualTo("What are these?");
            assertThat(content.get(1).path("image_url").path("url").asText())
                    .isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(small)));
            String scaled = content.get(2).path("image_url").path("url").asText();
            assertThat(scaled).startsWith("data:image/jpeg;base64,");
            byte[] sent = Base64.getDecoder().decode(scaled.substring(scaled.indexOf(',') + 1));
            assertThat(TestImages.decode(sent).getWidth()).isEqualTo(1568);
            assertThat(Files.readAllBytes(large)).isEqualTo(largeBefore);
        }
    }

    @Test
    void aModelThatCannotSeeIsRefusedNamingOneThatCanAndNothingIsSent() throws Exception {
        Path picture = Files.write(folder.resolve("p.png"), TestImages.png(10, 10));
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Never."))) {
            CliRun run = CliRun.of("ask", "--config", config(server, "auto").toString(), "--image", picture.toString(),
                    "Look");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("parley: The model scripted of provider 'local' cannot see images")
                    .contains("Ask provider 'eyes' (gpt-4o) instead").doesNotContain("Exception");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedBeforeAnyRequest() throws Exception {
        Path notes = Files.writeString(folder.resolve("notes.png"), "just text");
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Never."))) {
            CliRun run = CliRun.of("ask", "--config", config(server, "true").toString(), "--image", notes.toString(),
                    "Look");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().strip()).isEqualTo("parley: " + notes + " is not an image Parley can send: it must be a"
                    + " PNG, JPEG, WebP or GIF file.");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    @DisabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
    void withoutADisplayTheScreenOptionSaysSo() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Never."))) {
            CliRun run = CliRun.of("ask", "--config", config(server, "true").toString(), "--screen", "What's this?");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("parley: There is no screen to capture here (no display: DISPLAY is not set)")
                    .doesNotContain("Exception");
            assertThat(server.requests()).isEmpty();
        }
    }
}
