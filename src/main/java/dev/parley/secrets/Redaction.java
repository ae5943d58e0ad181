package dev.parley.secrets;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text Parley shows or logs: every API key it has read (exactly, however the
 * provider echoes it back), the shapes of well-known keys it has not read, bearer tokens, and the
 * {@code user:password@} part of URLs. Error messages pass through here, because providers echo
 * keys into error bodies ("Incorrect API key provided: sk-...") and users put credentials into
 * base URLs.
 */
public final class Redaction {

    /** What a masked secret shows as. */
    public static final String MASK = "***";
    /** Shorter values are not masked: they would match ordinary words. */
    private static final int SHORTEST_SECRET = 8;

    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@]+@");
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
        cleaned = KEY_SHAPES.matcher(cleaned).replaceAll(MASK);
        return BEARER.matcher(cleaned).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK));
    }
}
