package dev.parley.config;

import dev.parley.Throwables;
import dev.parley.storage.AtomicFiles;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads config.yaml into {@link ParleyConfig}, failing with messages that name the key and line,
 * and creates the user's config from the shipped one on first run.
 */
public final class ConfigLoader {

    /** The shipped config.yaml, packed into the jar by the build. */
    static final String SHIPPED_CONFIG = "/dev/parley/config/config.yaml";

    /**
     * A config file is a few kilobytes. Anything this large is the wrong file or an attack, and parsing
     * it first would take minutes and gigabytes, so the size is checked before a byte is parsed.
     */
    public static final long MAX_CONFIG_BYTES = 1 << 20;

    // Duplicate keys would otherwise be merged silently, the last one winning.
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Loads the given file; or, when none is given, the user's config, created if missing. */
    public ParleyConfig load(Path explicitFile, ParleyPaths paths) {
        if (explicitFile != null) {
            return load(explicitFile);
        }
        Path userFile = paths.userConfigFile();
        if (!Files.exists(userFile)) {
            createFromShipped(userFile);
        }
        return load(userFile);
    }

    public ParleyConfig load(Path file) {
        requireSmall(file);
        try (InputStream in = Files.newInputStream(file)) {
            RawConfig raw = yaml.readValue(in, RawConfig.class);
            if (raw == null) {
                throw new ConfigException(file + " is empty. Delete it and Parley writes a fresh one on the next start.");
            }
            ParleyConfig config = raw.toConfig(file);
            ConfigValidator.validate(config);
            return config;
        } catch (NoSuchFileException e) {
            throw new ConfigException("Config file " + file + " does not exist. Check the path given to --config.");
        } catch (JsonMappingException e) {
            throw new ConfigException(describe(file, e), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + line(e) + ": " + yamlProblem(e), e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void requireSmall(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return; // reading it reports what is wrong, a missing file included
        }
        if (size > MAX_CONFIG_BYTES) {
            throw new ConfigException(String.format(Locale.ROOT, "%s is %s; a config file is a few kilobytes and"
                    + " at most 1 MB, so this is not one: check the path given to --config, or delete the file and"
                    + " Parley writes a fresh one on the next start.", file, megabytes(size)));
        }
    }

    private static String megabytes(long bytes) {
        return bytes >= 10 << 20 ? bytes / (1 << 20) + " MB" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private static String line(JsonProcessingException e) {
        return e.getLocation() != null && e.getLocation().getLineNr() > 0 ? " line " + e.getLocation().getLineNr() : "";
    }

    /** What the YAML parser found wrong, as a sentence without the parser's internals. */
    private static String yamlProblem(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        Matcher duplicate = DUPLICATE.matcher(original);
        if (duplicate.find()) {
            return "the key '" + duplicate.group(1) + "' appears twice in the same section; keep one of them";
        }
        Matcher nesting = NESTING.matcher(original);
        if (nesting.find()) {
            return "the YAML is nested more than " + nesting.group(1) + " levels deep, which no Parley config is;"
                    + " it is damaged or not a config file";
        }
        return "not valid YAML (" + original.replace('`', '\'') + ")";
    }

    /** Copies the shipped config.yaml, with all its comments, to where the user edits it. */
    public static void createFromShipped(Path target) {
        try (InputStream shipped = ConfigLoader.class.getResourceAsStream(SHIPPED_CONFIG)) {
            if (shipped == null) {
                throw new IllegalStateException(SHIPPED_CONFIG + " is missing from the build");
            }
            AtomicFiles.write(target, shipped.readAllBytes());
        } catch (IOException e) {
            throw new ConfigException("Cannot create " + target + ": " + e.getMessage()
                    + ". Check that the folder is writable, or pass --config FILE.", e);
        }
    }

    private static String describe(Path file, JsonMappingException e) {
        String key = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        String where = file + (e.getLocation() != null ? " line " + e.getLocation().getLineNr() : "");
        String problem;
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (MISSING.matcher(String.valueOf(e.getOriginalMessage())).find()) {
            return where + ": " + key + " is missing, and Parley needs it; see the shipped config.yaml";
        } else if (duplicate.find()) {
            problem = "the key '" + duplicate.group(1) + "' appears twice in the same section; keep one of them";
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            problem = "unknown key '" + unknown.getPropertyName() + "'; known keys here: "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                            .collect(Collectors.joining(", "));
        } else if (Throwables.rootCause(e) instanceof ConfigEntries.EmptyEntry empty) {
            return where + ": " + (key.isEmpty() ? "" : key + ".") + empty.key + " " + empty.getMessage();
        } else if (Throwables.rootCause(e) instanceof IllegalArgumentException invalid) {
            problem = invalid.getMessage();
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && FOUND.matcher(e.getOriginalMessage()).find()) {
            Matcher found = FOUND.matcher(e.getOriginalMessage());
            found.find();
            problem = "must be " + expected(mismatch.getTargetType()) + ", not " + found(found.group(1));
        } else {
            problem = e.getOriginalMessage().lines().findFirst().orElse("invalid value")
                    .replaceAll(" \\(for [^)]*\\)", "")
                    .replaceAll("`[a-z.]+\\.([A-Za-z]+)`", "$1");
        }
        return where + ": " + (key.isEmpty() ? "" : key + ": ") + problem.replace('`', '\'');
    }

    private static final Pattern NESTING = Pattern.compile("(?i)nesting depth.*maximum allowed \\((\\d+)");
    private static final Pattern MISSING = Pattern.compile("Missing required creator property");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");
    private static final Pattern FOUND = Pattern.compile("from (Array|Object|String|Integer|Floating-point|Boolean) value");

    /** What a key of this Java type holds, in the words of someone editing YAML. */
    private static String expected(Class<?> type) {
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "a section of keys";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).map(String::toLowerCase)
                    .collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "text";
    }

    private static String found(String jacksonKind) {
        return switch (jacksonKind) {
            case "Array" -> "a list";
            case "Object" -> "a section of keys";
            case "String" -> "text";
            case "Integer" -> "a whole number";
            case "Floating-point" -> "a number";
            default -> "true or false";
        };
    }

}
