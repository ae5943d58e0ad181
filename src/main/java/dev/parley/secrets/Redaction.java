package dev.parley.secrets;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text Parley shows or logs: every API key it has read (exactly, however the
 * provider echoes it back), the shapes of well-known keys it has not read, bearer tokens, and the
 * {@code user:password@} part and the query's values of URLs ({@code ?key=***}). Error messages pass
 * through here, because providers echo keys into error bodies ("Incorrect API key provided: sk-...")
 * and users put credentials into base URLs, as {@code user:password@} or as a query parameter
 * ({@code ?key=...}, {@code ?api-version=...&code=...}). Every query value is masked, whatever its
 * name: gateways name their key parameter as they please, and the address before {@code ?} is
 * what a reader needs to recognize the endpoint.
 */
public final class Redaction {

    /** What a masked secret shows as. */
    public static final String MASK = "***";
    /** Shorter values are not masked: they would match ordinary words. */
    private static final int SHORTEST_SECRET = 8;

    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@]+@");
    /** A URL's query: up to the fragment or the end of the word. */
    private static final Pattern URL_QUERY = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^\\s?#]*\\?)([^\\s#]+)");
    /** Punctuation that ends the sentence or the parenthesis around a URL, not its last value. */
    private static final String TRAILING_PUNCTUATION = ")].,;:!?'\"";
    private static final Pattern KEY_SHAPES = Pattern.compile(
            "\\b(?:sk-[A-Za-z0-9_-]{16,}|AIza[0-9A-Za-z_-]{30,}|gsk_[A-Za-z0-9]{20,}|hf_[A-Za-z0-9]{20,}"
                    + "|xai-[A-Za-z0-9]{20,})");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(Bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private Redaction() {}

    /** Remembers a secret Parley holds (an API key it read), so it is masked wherever it shows up. */
    public static void remember(String secret) {
        if (secret != null && secret.strip().length() >= SHORTEST_SECRET) {
            KNOWN.add(secret.strip());
        }
    }

    /** {@code text} with every secret masked; null stays null. */
    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String cleaned = text;
        // Longest first, so a key that contains another is masked whole.
        List<String> known = KNOWN.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String secret : known) {
            if (cleaned.contains(secret)) {
                cleaned = cleaned.replace(secret, MASK);
            }
        }
        cleaned = URL_CREDENTIALS.matcher(cleaned).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK + "@"));
        cleaned = URL_QUERY.matcher(cleaned).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + maskedQuery(match.group(2))));
        cleaned = KEY_SHAPES.matcher(cleaned).replaceAll(MASK);
        return BEARER.matcher(cleaned).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK));
    }

    /**
     * {@code query} (what follows a URL's {@code ?}) with each parameter's value masked, and a
     * parameter without {@code =} masked whole (a bare token may be the key itself); names stay.
     */
    private static String maskedQuery(String query) {
        int end = query.length();
        while (end > 0 && TRAILING_PUNCTUATION.indexOf(query.charAt(end - 1)) >= 0) {
            end--;
        }
        String parameters = query.substring(0, end);
        String punctuation = query.substring(end);
        StringJoiner masked = new StringJoiner("&");
        for (String parameter : parameters.split("&", -1)) {
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                masked.add(parameter.isEmpty() ? "" : MASK);
            } else {
                masked.add(parameter.substring(0, equals + 1) + (equals == parameter.length() - 1 ? "" : MASK));
            }
        }
        return masked + punctuation;
    }
}
