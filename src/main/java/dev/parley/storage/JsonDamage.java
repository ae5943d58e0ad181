package dev.parley.storage;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Why a JSON file of Parley's own (timers, remembered facts, a conversation) could not be read, as a
 * phrase for a warning: what is wrong and where. Jackson's own message names its token classes, its
 * settings ("StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION disabled") and quotes the file's first word,
 * none of which tells the user anything.
 */
public final class JsonDamage {

    private JsonDamage() {}

    /**
     * Like "it ends early (line 3, column 1)", "it is not JSON (line 1, column 5)", or "it is JSON but not
     * a list of timers ('[0].seconds' has the wrong shape)"; {@code expected} names what the file should hold.
     */
    public static String reason(IOException error, String expected) {
        return switch (parseFailureIn(error)) {
            case JsonEOFException cutShort -> "it ends early" + where(cutShort);
            case JsonParseException notJson -> "it is not JSON" + where(notJson);
            case MismatchedInputException nothing when String.valueOf(nothing.getOriginalMessage())
                    .startsWith("No content to map") -> "it is empty";
            case JsonMappingException wrongShape -> "it is JSON but not " + expected + field(wrongShape);
            case JsonProcessingException other -> "it is not " + expected + where(other);
            default -> FileErrors.reason(error); // not a parse failure: the file could not be read
        };
    }

    /** The parse failure databind wrapped (with the path to its field) when reading into a type, else {@code error}. */
    private static IOException parseFailureIn(IOException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                return parse;
            }
        }
        return error;
    }

    private static String where(JsonProcessingException error) {
        JsonLocation at = error.getLocation();
        return at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static String field(JsonMappingException error) {
        String path = error.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? where(error) : " ('" + path + "' has the wrong shape)";
    }
}
