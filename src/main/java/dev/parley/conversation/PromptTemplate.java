package dev.parley.conversation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a system prompt may use: a name in braces, such as {@code {date}}. Other text in
 * braces that is not a name (JSON, "{ }") is left alone; a name that is no placeholder is reported
 * by {@link #unknownPlaceholders}, which config validation turns into an error.
 */
public final class PromptTemplate {

    /** Every placeholder, in the order the docs list them. */
    public static final List<String> PLACEHOLDERS =
            List.of("date", "time", "timezone", "weekday", "user_name", "memories");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private PromptTemplate() {}

    /** Names in braces that are no placeholder, each once, in the order they first appear. */
    public static List<String> unknownPlaceholders(String template) {
        List<String> unknown = new ArrayList<>();
        for (String name : names(template)) {
            if (!PLACEHOLDERS.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    /** The placeholders {@code template} uses, so that only those are worked out. */
    public static Set<String> used(String template) {
        Set<String> used = names(template);
        used.retainAll(PLACEHOLDERS);
        return used;
    }

    /**
     * Replaces each placeholder with its value, in one pass, so a value that itself contains a
     * placeholder's name (a remembered fact quoting "{date}") is not filled again. Names without a
     * value stay as written: a saved conversation may hold a prompt this version does not know.
     */
    public static String fill(String template, Map<String, String> values) {
        if (template == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder(template.length() + 64);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static Set<String> names(String template) {
        Set<String> names = new LinkedHashSet<>();
        if (template != null) {
            Matcher matcher = PLACEHOLDER.matcher(template);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }
}
