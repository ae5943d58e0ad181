package dev.parley.firstrun;

import dev.parley.config.ConfigException;
import dev.parley.config.ConfigLoader;
import dev.parley.storage.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the welcome's choice into the user's config.yaml by editing its lines, so every comment
 * and every other setting stays as the user (or the shipped file) left it. The result is loaded
 * and validated before it replaces the file; a file Parley cannot understand is never written.
 */
public final class ConfigEditor {

    private static final Pattern LLM_SECTION = Pattern.compile("(?m)^llm:\\s*$");
    private static final Pattern ACTIVE = Pattern.compile("(?m)^  active:[^\\n]*$");
    private static final Pattern PROVIDERS = Pattern.compile("(?m)^  providers:\\s*$");
    private static final Pattern COMMENTED_EMBEDDED = Pattern.compile(
            "(?m)^    # embedded:\\s*\\n    #   type: embedded\\s*\\n    #   model:[^\\n]*\\n(    #   max-tokens:[^\\n]*\\n)?");

    private ConfigEditor() {}

    /** Makes {@code offer} the active provider in {@code file} (the user's config.yaml). */
    public static void apply(Path file, ModelOffers.Offer offer) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String edited = edit(text, offer);
            Path candidate = Files.createTempFile(file.toAbsolutePath().getParent(), ".config-", ".yaml");
            try {
                Files.writeString(candidate, edited, StandardCharsets.UTF_8);
                new ConfigLoader().load(candidate);
            } finally {
                Files.deleteIfExists(candidate);
            }
            AtomicFiles.write(file, edited.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("Cannot update " + file + ": " + e.getMessage(), e);
        }
    }

    static String edit(String text, ModelOffers.Offer offer) {
        String withProvider = switch (offer) {
            case ModelOffers.OllamaOffer ollama -> setProviderModel(text, "ollama", ollama.model());
            case ModelOffers.EmbeddedOffer embedded -> enableEmbedded(text, embedded.model());
            case ModelOffers.CloudOffer cloud -> text;
        };
        return setActive(withProvider, offer.provider());
    }

    static String setActive(String text, String provider) {
        Matcher llm = LLM_SECTION.matcher(text);
        if (!llm.find()) {
            throw new ConfigException("config.yaml has no llm: section; delete it and Parley writes a fresh one.");
        }
        Matcher active = ACTIVE.matcher(text);
        if (!active.find(llm.end())) {
            throw new ConfigException("config.yaml has no llm.active key; add `  active: " + provider + "` under llm:.");
        }
        return text.substring(0, active.start()) + "  active: " + provider + text.substring(active.end());
    }

    static String setProviderModel(String text, String provider, String model) {
        Matcher header = Pattern.compile("(?m)^    " + Pattern.quote(provider) + ":\\s*$").matcher(text);
        if (!header.find()) {
            throw new ConfigException("config.yaml has no llm.providers." + provider + " entry to update.");
        }
        Matcher line = Pattern.compile("(?m)^(      model:)[^\\n]*$").matcher(text);
        int blockEnd = endOfBlock(text, header.end());
        if (!line.find(header.end()) || line.start() > blockEnd) {
            return text.substring(0, header.end()) + "\n      model: " + model + text.substring(header.end());
        }
        return text.substring(0, line.start()) + "      model: " + model + text.substring(line.end());
    }

    static String enableEmbedded(String text, String model) {
        if (Pattern.compile("(?m)^    embedded:\\s*$").matcher(text).find()) {
            return setProviderModel(text, "embedded", model);
        }
        String block = "    embedded:\n      type: embedded\n      model: " + model + "\n      max-tokens: 256\n";
        Matcher commented = COMMENTED_EMBEDDED.matcher(text);
        if (commented.find()) {
            return text.substring(0, commented.start()) + block + text.substring(commented.end());
        }
        Matcher providers = PROVIDERS.matcher(text);
        if (!providers.find()) {
            throw new ConfigException("config.yaml has no llm.providers section.");
        }
        return text.substring(0, providers.end()) + "\n" + block.stripTrailing() + text.substring(providers.end());
    }

    /** Where the provider block starting at {@code from} ends: the next line indented 4 or fewer spaces. */
    private static int endOfBlock(String text, int from) {
        Matcher next = Pattern.compile("(?m)^ {0,4}\\S").matcher(text);
        return next.find(from + 1) ? next.start() : text.length();
    }
}
