package dev.parley.cli;

import dev.parley.Components;
import dev.parley.api.ApiServer;
import dev.parley.api.ApiToken;
import dev.parley.platform.LoopbackPortOwner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"Prints the live events of a running Parley (parley serve, or the window with its Control API on:"
                + " api.enabled), one JSON object a line,"
                + " until it stops or Ctrl+C.", "Event types: docs/api.md."})
final class EventsCommand extends ParleySubcommand {

    /** As long as the other commands' probes wait: a Parley on this machine connects and answers at once. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    /** Parley's stream sends a keep-alive when there is no event: four missed means it is gone. */
    static final Duration IDLE_TIMEOUT = ApiServer.EVENT_KEEP_ALIVE.multipliedBy(4);
    /** The most of a refusal's body shown: a server that is not Parley may send anything. */
    private static final int MAX_REFUSAL_BYTES = 4096;

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
        PrintWriter err = err();
        int apiPort;
        Path tokenFile;
        try (Components components = parley.components()) {
            apiPort = port != null ? port : components.config().api().port();
            tokenFile = ApiToken.fileFor(components.paths());
        }
        Optional<String> token = ApiToken.existing(tokenFile);
        if (token.isEmpty()) {
            err.println("parley: no API token in " + tokenFile + "; start 'parley serve' first.");
            return 1;
        }
        if (LoopbackPortOwner.of(apiPort) instanceof LoopbackPortOwner.Foreign) {
            err.println("parley: something owned by another user listens on port " + apiPort + "; Parley's API is"
                    + " not running there, so your API token was not sent. Start 'parley serve', or give the port"
                    + " of your running one with --port PORT.");
            return 1;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(ANSWER_TIMEOUT).build();
        try {
            return stream(http, apiPort, token.get(), err);
        } finally {
            http.shutdownNow(); // ends a read still waiting on a server that went silent
        }
    }

    private int stream(HttpClient http, int apiPort, String token, PrintWriter err) throws InterruptedException {
        String query = "?level=" + level + (since != null ? "&since=" + since : "");
        String base = "http://127.0.0.1:" + apiPort;
        // The timeout covers the connection and the response's headers only: the events may then be far apart.
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/events" + query))
                .timeout(ANSWER_TIMEOUT).header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            err.println("parley: nothing listens on " + base + "; start 'parley serve' first, or give the port a"
                    + " running one printed with --port PORT.");
            return 1;
        } catch (HttpTimeoutException e) {
            err.println("parley: " + base + " took the request but did not answer within "
                    + ANSWER_TIMEOUT.toSeconds() + " s, so it is not a working Parley; check the port with --port PORT,"
                    + " or start 'parley serve' again.");
            return 1;
        } catch (IOException e) {
            err.println("parley: " + base + " did not answer as Parley's API does ("
                    + TerminalText.oneLine(String.valueOf(e.getMessage())) + "); check the port with --port PORT.");
            return 1;
        }
        InputStream body = response.body();
        if (response.statusCode() != 200) {
            err.println("parley: the API refused (" + response.statusCode() + "): " + refusal(body));
            return 1;
        }
        // The body is not closed here: http.shutdownNow() in call() ends the connection, a read in progress too.
        try (EventStreamLines lines = new EventStreamLines(body, IDLE_TIMEOUT)) {
            return print(lines, out(), err, apiPort);
        }
    }

    /** The start of a refusal's body, safe to print. */
    private static String refusal(InputStream body) {
        try {
            return TerminalText.oneLine(new String(body.readNBytes(MAX_REFUSAL_BYTES), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "(its reason could not be read)";
        }
    }

    /** Prints the data lines of the SSE stream; the server's greeting ({@code connected}) is skipped. */
    private int print(EventStreamLines lines, PrintWriter out, PrintWriter err, int apiPort) throws InterruptedException {
        int printed = 0;
        try {
            for (String line = lines.next(); line != null && (max == null || printed < max); line = lines.next()) {
                if (line.startsWith("data:") && !line.contains("\"type\":\"connected\"")) {
                    // A server other than Parley may send terminal escapes; Parley's JSON never has a raw one.
                    out.println(TerminalText.oneLine(line.substring("data:".length()).strip()));
                    out.flush();
                    printed++;
                }
            }
            return 0;
        } catch (EventStreamLines.LineTooLongException e) {
            err.println(String.format(Locale.ROOT, "parley: the server on port %d sent a line of more than %,d bytes;"
                    + " Parley's events are far smaller, so it is not Parley's API: check the port with --port PORT.",
                    apiPort, EventStreamLines.MAX_LINE_BYTES));
        } catch (EventStreamLines.SilentException e) {
            err.println("parley: the event stream on port " + apiPort + " sent nothing for " + IDLE_TIMEOUT.toSeconds()
                    + " s, not even the keep-alive Parley sends every " + ApiServer.EVENT_KEEP_ALIVE.toSeconds()
                    + " s; the server is stuck or gone. Run 'parley events' again once it answers.");
        } catch (IOException e) {
            err.println("parley: the event stream ended: " + TerminalText.oneLine(String.valueOf(e.getMessage())));
        }
        return 1;
    }
}
