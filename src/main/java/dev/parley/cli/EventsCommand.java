package dev.parley.cli;

import dev.parley.Components;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"Prints the live events of a running Parley (parley serve), one JSON object a line,"
                + " until it stops or Ctrl+C.", "Event types: docs/api.md."})
final class EventsCommand extends ParleySubcommand {

    @Option(names = "--port", paramLabel = "N", description = "The API's port (default: api.port of config.yaml).")
    Integer port;

    @Option(names = "--since", paramLabel = "SEQ", description = "First the buffered events after SEQ (0: all).")
    Long since;

    @Option(names = "--level", description = "Include the microphone level, about 20 a second.")
    boolean level;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N events.")
    Integer max;

    @Override
    public Integer call() throws Exception {
        OptionChecks.port(spec, "--port", port);
        if (max != null) {
            OptionChecks.within(spec, "--max", max, 1, Integer.MAX_VALUE);
        }
        PrintWriter out = out();
        PrintWriter err = err();
        int apiPort;
        Path tokenFile;
        try (Components components = parley.components()) {
            apiPort = port != null ? port : components.config().api().port();
            tokenFile = components.paths().dataDir().resolve("api-token");
        }
        if (!Files.isRegularFile(tokenFile)) {
            err.println("parley: no API token in " + tokenFile + "; start 'parley serve' first.");
            return 1;
        }
        String query = "?level=" + level + (since != null ? "&since=" + since : "");
        URI uri = URI.create("http://127.0.0.1:" + apiPort + "/api/v1/events" + query);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + Files.readString(tokenFile, StandardCharsets.US_ASCII).strip())
                .GET().build();
        HttpResponse<Stream<String>> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (ConnectException e) {
            err.println("parley: nothing listens on http://127.0.0.1:" + apiPort + "; start 'parley serve' first,"
                    + " or give the port a running one printed with --port PORT.");
            return 1;
        }
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() != 200) {
                err.println("parley: the API refused (" + response.statusCode() + "): " + TerminalText.oneLine(String.join("", lines.toList())));
                return 1;
            }
            return print(lines.iterator(), out);
        } catch (java.io.UncheckedIOException e) {
            err.println("parley: the event stream ended: " + TerminalText.oneLine(e.getCause().getMessage()));
            return 1;
        }
    }

    /** Prints the data lines of the SSE stream; the server's greeting ({@code connected}) is skipped. */
    private int print(Iterator<String> lines, PrintWriter out) throws IOException {
        int printed = 0;
        while (lines.hasNext() && (max == null || printed < max)) {
            String line = lines.next();
            if (line.startsWith("data:") && !line.contains("\"type\":\"connected\"")) {
                out.println(line.substring("data:".length()).strip());
                out.flush();
                printed++;
            }
        }
        return 0;
    }
}
