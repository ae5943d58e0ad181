package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The endpoint table of docs/api.md and the OpenAPI document the server hands out name the same
 * refusals for each endpoint: a client generated from one and a script written from the other
 * should expect the same answers.
 */
class EndpointStatusDocTest {

    /** Answers every endpoint may give, described once outside the table (token, Host, Origin) or plainly a success. */
    private static final Set<String> GENERAL = Set.of("101", "200", "401", "403");

    private static final Pattern ENDPOINT = Pattern.compile("`(GET|POST|PUT|DELETE) (/[^`?\\s]*)");

    private static final Pattern STATUS = Pattern.compile("\\b([1-5]\\d\\d)\\b(?! ms)");

    @Test
    void everyEndpointHasTheSameStatusCodesInTheTableAsInTheOpenApiDocument() throws IOException {
        Map<String, Set<String>> table = statusCodesOfTheTable();
        Map<String, Set<String>> openApi = statusCodesOfOpenApi();

        assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(openApi.keySet());
        openApi.forEach((endpoint, codes) -> assertThat(table.get(endpoint))
                .as("status codes docs/api.md names for %s", endpoint).containsExactlyInAnyOrderElementsOf(codes));
    }

    private static Map<String, Set<String>> statusCodesOfTheTable() throws IOException {
        String api = Files.readString(Path.of("docs/api.md"));
        String section = api.substring(api.indexOf("## Endpoints"), api.indexOf("### Images in an ask"));
        Map<String, Set<String>> table = new TreeMap<>();
        for (String row : section.lines().filter(line -> line.startsWith("| `")).toList()) {
            String[] cells = row.split(" \\| ");
            Set<String> codes = new TreeSet<>();
            STATUS.matcher(cells[cells.length - 1]).results().map(code -> code.group(1))
                    .filter(code -> !GENERAL.contains(code)).forEach(codes::add);
            ENDPOINT.matcher(cells[0]).results().forEach(endpoint -> table
                    .computeIfAbsent(endpoint.group(1) + " " + endpoint.group(2), key -> new TreeSet<>()).addAll(codes));
        }
        return table;
    }

    private static Map<String, Set<String>> statusCodesOfOpenApi() throws IOException {
        JsonNode document;
        try (InputStream in = ApiServer.class.getResourceAsStream("openapi.json")) {
            document = ApiJson.MAPPER.readTree(in);
        }
        Map<String, Set<String>> openApi = new TreeMap<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!operation.getKey().equals("parameters")) {
                Set<String> codes = new TreeSet<>();
                operation.getValue().path("responses").fieldNames().forEachRemaining(codes::add);
                codes.removeAll(GENERAL);
                openApi.put(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), codes);
            }
        }));
        return openApi;
    }
}
