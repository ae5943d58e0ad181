package dev.parley.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.config.YamlEdits;
import dev.parley.llm.ApiDetection;
import dev.parley.llm.ApiDetection.Api;
import dev.parley.llm.ApiDetector;
import dev.parley.llm.LlmException;
import dev.parley.llm.ProviderHealth;
import java.io.PrintWriter;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Find out which API an LLM endpoint speaks: ollama-chat, ollama-generate or openai"
                + " (probed in that order, judged by the shape of the answers), and print a provider entry"
                + " for config.yaml.",
                "The URL may end in /v1 or not. Exits 1 when nothing answers or the answers match no API."})
final class DetectCommand extends ParleySubcommand {

    @Parameters(paramLabel = "URL", description = "The endpoint, e.g. http://localhost:11434 or http://localhost:1234/v1.")
    String url;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        ObjectMapper mapper = new ObjectMapper();
        ApiDetection detection;
        try {
            detection = new ApiDetector(ProviderHealth.DEFAULT_TIMEOUT).detect(url);
        } catch (LlmException nothing) {
            if (!json) {
                throw nothing;
            }
            // A script reads the answer on stdout either way, as test --json gives it.
            out.println(mapper.writeValueAsString(mapper.createObjectNode().put("url", url).put("ok", false)
                    .put("error", nothing.getMessage())));
            out.flush();
            return 1;
        }
        String model = detection.models().isEmpty() ? "MODEL-NAME" : detection.models().getFirst();
        if (json) {
            ObjectNode root = mapper.createObjectNode()
                    .put("url", url)
                    .put("ok", true)
                    .put("api", detection.api().label())
                    .put("type", detection.api().providerType().configName())
                    .put("base_url", detection.baseUrl());
            detection.models().forEach(root.putArray("models")::add);
            out.println(mapper.writeValueAsString(root));
        } else {
            out.println(TerminalText.oneLine(url) + " speaks " + detection.api().label() + ".");
            if (!detection.models().isEmpty()) {
                out.println("Models: " + detection.models().stream().map(TerminalText::oneLine)
                        .collect(Collectors.joining(", ")));
            }
            if (detection.api() == Api.OLLAMA_GENERATE) {
                out.println("Note: it answers only Ollama's older /api/generate; Parley's ollama type talks to"
                        + " /api/chat, which a current Ollama has.");
            }
            out.println();
            out.println("A provider entry for config.yaml (under llm.providers):");
            out.println("  local:");
            out.println("    type: " + detection.api().providerType().configName());
            // Quoted as YAML needs: a server's model id with a line break or " #" must not add a key or
            // cut the value when pasted; the quoting escapes control characters too.
            out.println("    base-url: " + TerminalText.safe(YamlEdits.scalar(detection.baseUrl())));
            out.println("    model: " + TerminalText.safe(YamlEdits.scalar(model)));
            if (detection.api() == Api.OPENAI) {
                out.println("    # api-key-env: NAME_OF_THE_VARIABLE_WITH_THE_KEY   (if the server needs a key)");
            }
        }
        out.flush();
        return 0;
    }
}
