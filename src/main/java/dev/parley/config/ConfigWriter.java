package dev.parley.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.parley.storage.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the settings the desktop window edits back into a config.yaml. Only the keys it edits
 * change; every other key (retry, tools, mcp, prices, ...) is kept as it was. The new file is
 * loaded and validated before it replaces the old one, and replaced atomically.
 *
 * <p>YAML comments are not preserved (Jackson's YAML model has none): the previous file is kept
 * next to it as {@code config.yaml.bak}. API keys are never written: a provider names the
 * environment variable (or keychain entry) that holds its key.
 */
public final class ConfigWriter {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    /** What the settings panel edits; everything else in the file stays. */
    public record Settings(
            String active, Map<String, ProviderConfig> providers, String systemPrompt,
            String voice, double rate, double volume, String outputDevice, String inputDevice,
            boolean handsFree, String speechModelPath, String pushToTalkKey, String theme) {

        public Settings {
            providers = new LinkedHashMap<>(providers);
        }

        /** The settings as {@code config} has them. */
        public static Settings of(ParleyConfig config) {
            return new Settings(config.llm().active(), config.llm().providers(), config.llm().systemPrompt(),
                    config.tts().voice(), config.tts().rate(), config.tts().volume(),
                    nullToEmpty(config.tts().outputDevice()), config.audio().inputDevice(), config.audio().handsFree(),
                    nullToEmpty(config.stt().modelPath()), config.ui().pushToTalkKey(), config.ui().theme());
        }
    }

    /**
     * Applies {@code settings} to {@code file} (created from the shipped config if missing), validates
     * the result and replaces the file; returns the config as now saved. Fails with a
     * {@link ConfigException} naming the key, leaving the file untouched.
     */
    public ParleyConfig save(Path file, Settings settings) {
        try {
            if (!Files.exists(file)) {
                ConfigLoader.createFromShipped(file);
            }
            JsonNode read = yaml.readTree(file.toFile());
            ObjectNode root = read instanceof ObjectNode object ? object : yaml.createObjectNode();
            apply(root, settings);
            byte[] bytes = yaml.writeValueAsBytes(root);
            Path candidate = file.resolveSibling("." + file.getFileName() + ".new");
            Files.write(candidate, bytes);
            try {
                new ConfigLoader().load(candidate);
            } finally {
                Files.deleteIfExists(candidate);
            }
            AtomicFiles.write(file.resolveSibling(file.getFileName() + ".bak"), Files.readAllBytes(file));
            AtomicFiles.write(file, bytes);
            return new ConfigLoader().load(file);
        } catch (IOException e) {
            throw new ConfigException("Cannot write " + file + ": " + e.getMessage()
                    + ". Check that the folder is writable.", e);
        }
    }

    private void apply(ObjectNode root, Settings settings) {
        ObjectNode stt = section(root, "stt");
        stt.put("model-path", nullToEmpty(settings.speechModelPath()));
        ObjectNode tts = section(root, "tts");
        tts.put("voice", settings.voice());
        tts.put("rate", settings.rate());
        tts.put("volume", settings.volume());
        tts.put("output-device", nullToEmpty(settings.outputDevice()));
        ObjectNode audio = section(root, "audio");
        audio.put("input-device", nullToEmpty(settings.inputDevice()));
        audio.put("hands-free", settings.handsFree());
        ObjectNode ui = section(root, "ui");
        ui.put("push-to-talk-key", settings.pushToTalkKey());
        ui.put("theme", settings.theme());
        ObjectNode llm = section(root, "llm");
        llm.put("active", settings.active());
        llm.put("system-prompt", settings.systemPrompt());
        JsonNode previous = llm.path("providers");
        ObjectNode providers = yaml.createObjectNode();
        settings.providers().forEach((name, provider) -> {
            // Start from the provider's old entry, so keys the panel does not show (temperature, ...) stay.
            ObjectNode entry = previous.get(name) instanceof ObjectNode old ? old.deepCopy() : yaml.createObjectNode();
            entry.put("type", provider.type().configName());
            putOrRemove(entry, "base-url", provider.baseUrl());
            entry.put("model", provider.model());
            putOrRemove(entry, "api-key-env", provider.apiKeyEnv());
            providers.set(name, entry);
        });
        llm.set("providers", providers);
    }

    private static void putOrRemove(ObjectNode node, String key, String value) {
        if (value == null || value.isBlank()) {
            node.remove(key);
        } else {
            node.put(key, value.trim());
        }
    }

    private ObjectNode section(ObjectNode root, String name) {
        if (root.get(name) instanceof ObjectNode section) {
            return section;
        }
        return root.putObject(name);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
