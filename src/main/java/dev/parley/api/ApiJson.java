package dev.parley.api;

import java.io.IOException;
import java.io.InputStream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.text.UnicodeControls;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Reading and writing the API's JSON with Jackson, so no Helidon media module is needed. */
final class ApiJson {

    /**
     * Strict in: a key given twice or text after the object is a mistake to report, not to guess about.
     * Careful out: see {@link VisibleControls}.
     */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static {
        MAPPER.getFactory().setCharacterEscapes(new VisibleControls());
    }
    static final String JSON = "application/json";
    private static final Logger LOG = LogManager.getLogger(ApiJson.class);

    private ApiJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * What is wrong with a body, for a person: where, and Jackson's reason without the names of its own
     * classes and settings (which it gives for data after the object and for a body cut short).
     */
    static String notJson(JsonProcessingException e) {
        String reason = String.valueOf(e.getOriginalMessage());
        if (e instanceof JsonEOFException) {
            reason = "it ends before the JSON does";
        } else if (reason.startsWith("Trailing token")) {
            reason = "something follows the JSON object";
        } else {
            // Up to where Jackson starts to name its source, its settings or its features.
            reason = reason.lines().findFirst().orElse("")
                    .replaceFirst("(?: \\(for |: enable | \\(not recognized| \\(start marker|\\[Source|`|;).*", "")
                    .replaceFirst("[\\s.?:;,]+$", "");
        }
        JsonLocation at = e.getLocation();
        String where = at != null && at.getLineNr() > 0 ? " at line " + at.getLineNr() + ", column " + at.getColumnNr()
                : "";
        return "The body is not valid JSON" + where + ": " + reason + ".";
    }

    /**
     * The request's body as a JSON object with only the {@code fields} this request takes; a clear 400
     * for anything else. A misspelt field is refused, not ignored: {@code "conversaton"} would
     * otherwise send a question meant for another conversation into the open one.
     */
    static JsonNode body(ServerRequest request, List<String> fields) {
        JsonNode node = object(request);
        node.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                String shown = name.length() > 60 ? name.substring(0, 60) + "…" : name; // echoed, so kept short
                throw ApiProblem.badRequest("The body has a field \"" + shown + "\" that this request does not"
                        + " take; it takes " + fields.stream().map(field -> "\"" + field + "\"")
                        .collect(Collectors.joining(", ")) + ".");
            }
        });
        return node;
    }

    private static JsonNode object(ServerRequest request) {
        JsonNode node;
        // A chunked body declares no length up front: it is counted as it is read, never held whole.
        long limit = RequestGuard.jsonLimit(request.path().path());
        InputStream in = new LimitedInput(request.content().hasEntity() ? request.content().inputStream()
                : InputStream.nullInputStream(), limit);
        try {
            node = MAPPER.readTree(in);
        } catch (RuntimeException malformed) {
            // Helidon's chunked decoding fails with a NumberFormatException on a chunk size that is not hex
            // (or carries an extension). Not closed: closing reads on to the end of a framing that has none.
            throw malformedChunks(malformed);
        } catch (LimitedInput.TooLarge e) {
            throw new ApiProblem(413, "Body too large", "A JSON body here may have at most " + limit / (1024 * 1024)
                    + " MB.");
        } catch (StreamConstraintsException e) {
            // Jackson's limits, in words (its message names its own classes).
            if (String.valueOf(e.getOriginalMessage()).contains("nesting depth")) {
                throw ApiProblem.badRequest("The body is nested more than 1,000 levels deep; no request of this API"
                        + " is.");
            }
            throw new ApiProblem(413, "Body too large", "A value in the JSON body is larger than Parley reads (a"
                    + " text of at most 20 million characters, a number of at most 1,000 digits).");
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest(notJson(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the client went away mid-body
        }
        close(in);
        if (node == null || !node.isObject()) {
            throw ApiProblem.badRequest("The body must be a JSON object.");
        }
        return node;
    }

    /** The rest of a body read whole (whitespace after the JSON); a client gone by then is no error of its request. */
    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A chunked body whose framing cannot be read: the client's mistake, said as such, and the connection ended. */
    static ApiProblem malformedChunks(RuntimeException cause) {
        LOG.debug("A chunked body could not be read", cause);
        return ApiProblem.badRequest("The body's chunked encoding cannot be read (a chunk size that is not"
                + " hexadecimal, or chunk extensions, which this API does not take); send it with a Content-Length.")
                .closingTheConnection();
    }

    /** A required, non-blank text field of a JSON body. */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw ApiProblem.badRequest("The body needs a non-empty text field \"" + field + "\".");
        }
        return value.asText();
    }

    static void send(ServerResponse response, int status, Object value) {
        String text;
        try {
            text = MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unserializable API response", e);
        }
        response.status(Status.create(status));
        response.header(HeaderNames.CONTENT_TYPE, JSON);
        response.send(text);
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unserializable API value", e);
        }
    }

    /**
     * C1 controls, Unicode's line separators and the direction controls written as escapes
     * (JSON escapes only C0): a client that shows a value as it is (a terminal, a web page) cannot be
     * made to obey them when a model, a server or a file put them in a name or an answer.
     */
    private static final class VisibleControls extends CharacterEscapes {

        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            boolean hidden = UnicodeControls.isC1(c) || UnicodeControls.isUnicodeLineSeparator(c)
                    || UnicodeControls.isDirectionControl(c);
            return hidden ? new SerializedString(String.format("\\u%04X", c)) : null;
        }
    }
}
