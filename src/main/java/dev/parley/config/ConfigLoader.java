package dev.parley.config;

import dev.parley.storage.FileErrors;
import dev.parley.Throwables;
import dev.parley.storage.AtomicFiles;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads config.yaml into {@link ParleyConfig}, failing with messages that name the key and line,
 * and creates the user's config from the shipped one on first run.
 */
public final class ConfigLoader {

    /** The shipped config.yaml, packed into the jar by the build. */
    static final String SHIPPED_CONFIG = "/dev/parley/config/config.yaml";

    /** The largest config file read; {@link ConfigText} says why. */
    public static final long MAX_CONFIG_BYTES = 1 << 20;

    // Duplicate keys would otherwise be merged silently, the last one winning.
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // "max-tokens: 1.5" would otherwise be read as 1 without a word.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Loads the given file; or, when none is given, the user's config, created if missing. */
    public ParleyConfig load(Path explicitFile, ParleyPaths paths) {
        if (explicitFile != null) {
            return load(explicitFile);
        }
        Path userFile = paths.userConfigFile();
        if (Files.isSymbolicLink(userFile) && !Files.exists(userFile)) { // not there, a loop, or unreadable
            String target = FileErrors.linkTarget(userFile).map(Path::toString).orElse("a file");
            throw new ConfigException(userFile + " is a link to " + target + ", which is not there (a dotfiles"
                    + " folder not mounted or checked out?). Bring it back, or remove the link and Parley writes a"
                    + " fresh config.");
        }
        if (!Files.exists(userFile)) {
            createFromShipped(userFile);
        } else if (!Files.isRegularFile(userFile) && !Files.isDirectory(userFile)) {
            // A FIFO would be waited on for ever; --config reads one on purpose (--config <(...)).
            throw new ConfigException(userFile + " is not a file (a pipe or a device). Move it away and Parley writes"
                    + " a fresh config, or pass --config FILE.");
        }
        return load(userFile);
    }

    public ParleyConfig load(Path file) {
        try {
            String text = ConfigText.read(file);
            ConfigAliases.refuse(file, text);
            RawConfig raw = yaml.readValue(text, RawConfig.class);
            if (raw == null) { // a document of only "---", "null" or "~"
                throw ConfigText.empty(file, false);
            }
            ParleyConfig config = raw.toConfig(file);
            ConfigValidator.validate(config, text);
            return config;
        } catch (NoSuchFileException e) {
            throw new ConfigException("Config file " + file + " does not exist. Check the path given to --config.");
        } catch (JsonProcessingException e) {
            throw new ConfigException(parseFailure(file, e), e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + file + " (" + FileErrors.reason(e) + ").", e);
        }
    }

    /**
     * Why the text did not parse into a config, naming the file and line: the YAML parser's own error
     * where it has one (it knows the line of the problem), else Jackson's, in words.
     */
    private String parseFailure(Path file, JsonProcessingException e) {
        Optional<MarkedYAMLException> syntax = syntaxError(e);
        if (syntax.isPresent()) {
            return file + " line " + (syntax.get().getProblemMark().getLine() + 1) + ": " + syntaxProblem(syntax.get());
        }
        if (e instanceof JsonMappingException mapping) {
            return describe(file, mapping);
        }
        return file + line(e) + ": " + yamlProblem(e);
    }

    /**
     * The YAML parser's own error, which knows the line of the problem; Jackson's location is often the
     * section's first line instead ("line 1: llm: while parsing a flow mapping").
     */
    private static Optional<MarkedYAMLException> syntaxError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                return Optional.of(marked);
            }
        }
        return Optional.empty();
    }

    /** The commonest hand-editing mistakes in words; otherwise what the parser expected. */
    private static String syntaxProblem(MarkedYAMLException error) {
        String problem = String.valueOf(error.getProblem());
        String context = String.valueOf(error.getContext());
        if (problem.contains("(TAB)")) {
            return "a tab indents this line, and YAML indents with spaces only; replace the tab with spaces.";
        }
        if ((context.contains("flow mapping") || context.contains("flow sequence")) && error.getContextMark() != null) {
            String bracket = context.contains("mapping") ? "{" : "[";
            return "a " + bracket + " opened at line " + (error.getContextMark().getLine() + 1) + " is not closed where"
                    + " YAML expects it (" + problem + ").";
        }
        return notValidYaml(problem) + ".";
    }

    private static String line(JsonProcessingException e) {
        return e.getLocation() != null && e.getLocation().getLineNr() > 0 ? " line " + e.getLocation().getLineNr() : "";
    }

    /** What the YAML parser found wrong, as a sentence without the parser's internals. */
    private static String yamlProblem(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        Matcher duplicate = DUPLICATE.matcher(original);
        if (duplicate.find()) {
            return "the key " + ShownValues.quoted(duplicate.group(1)) + " appears twice in the same section; keep one of them";
        }
        Matcher nesting = NESTING.matcher(original);
        if (nesting.find()) {
            return "the YAML is nested more than " + nesting.group(1) + " levels deep, which no Parley config is;"
                    + " it is damaged or not a config file";
        }
        return notValidYaml(original.replace('`', '\''));
    }

    private static String notValidYaml(String parserSaid) {
        return "not valid YAML (" + parserSaid + ")";
    }

    /** Copies the shipped config.yaml, with all its comments, to where the user edits it. */
    public static void createFromShipped(Path target) {
        try (InputStream shipped = ConfigLoader.class.getResourceAsStream(SHIPPED_CONFIG)) {
            if (shipped == null) {
                throw new IllegalStateException(SHIPPED_CONFIG + " is missing from the build");
            }
            AtomicFiles.write(target, shipped.readAllBytes());
        } catch (IOException e) {
            // A full disk and a folder without write permission have different fixes.
            throw new ConfigException("Cannot create " + target + " (" + FileErrors.reason(e) + "). "
                    + FileErrors.remedy(e, target.toAbsolutePath().getParent()) + " Or pass --config FILE.", e);
        }
    }

    private String describe(Path file, JsonMappingException e) {
        String key = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ShownValues.shown(ref.getFieldName()) : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        String where = file + (e.getLocation() != null ? " line " + e.getLocation().getLineNr() : "");
        Optional<String> wrongValue = wrongValue(e);
        if (wrongValue.isPresent()) {
            return where + ": " + (key.isEmpty() ? "the file" : key) + " " + wrongValue.get();
        }
        String problem;
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (MISSING.matcher(String.valueOf(e.getOriginalMessage())).find()) {
            return where + ": " + key + " is missing, and Parley needs it; see the shipped config.yaml";
        } else if (duplicate.find()) {
            problem = "the key " + ShownValues.quoted(duplicate.group(1)) + " appears twice in the same section; keep one of them";
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            problem = "unknown key " + ShownValues.quoted(unknown.getPropertyName()) + "; known keys here: "
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

    /**
     * A value of the wrong kind for its key ({@code temperature: hot}), a whole number too large for it, a
     * YAML {@code .inf} or {@code .nan}, or nothing where a number is needed: what the key must be and what
     * was found, phrased to follow the key; empty for other mistakes.
     */
    private Optional<String> wrongValue(JsonMappingException e) {
        Throwable root = Throwables.rootCause(e);
        if (root instanceof InputCoercionException tooLarge) {
            Matcher number = OUT_OF_RANGE.matcher(String.valueOf(tooLarge.getOriginalMessage()));
            String found = number.find() ? number.group(1) : "";
            boolean wide = tooLarge.getTargetType() == long.class || tooLarge.getTargetType() == Long.class;
            String bound = found.startsWith("-") ? "down to " + (wide ? Long.MIN_VALUE : Integer.MIN_VALUE)
                    : "up to " + (wide ? Long.MAX_VALUE : Integer.MAX_VALUE);
            return Optional.of("must be a whole number " + bound + " (found " + shown(found) + ")");
        }
        if (root instanceof NumberFormatException) {
            // Jackson's YAML parser cannot read YAML's .inf and .nan and says only "Malformed numeric value"
            Matcher malformed = MALFORMED.matcher(String.valueOf(e.getOriginalMessage()));
            String found = malformed.find() ? malformed.group(1) : "";
            if (isWholeNumber(typeOfKey(e))) {
                return Optional.of("must be a whole number (found " + shown(found) + ")");
            }
            return Optional.of("must be a" + (NOT_FINITE.matcher(found).matches() ? " finite" : "") + " number (found "
                    + shown(found) + ")");
        }
        if (e instanceof InvalidFormatException invalid && invalid.getValue() instanceof Double number
                && isWholeNumber(invalid.getTargetType())) {
            // 1.5, or 1e10 (YAML reads any exponent as a fraction): digits say what is meant, and Jackson
            // would otherwise cut 1.5 to 1 without a word.
            BigDecimal found = BigDecimal.valueOf(number).stripTrailingZeros();
            boolean wide = invalid.getTargetType() == long.class || invalid.getTargetType() == Long.class;
            boolean tooLarge = found.abs().compareTo(BigDecimal.valueOf(wide ? Long.MAX_VALUE : Integer.MAX_VALUE)) > 0;
            return Optional.of("must be a whole number" + (tooLarge ? " up to " + (wide ? Long.MAX_VALUE
                    : Integer.MAX_VALUE) : "") + ", written in digits (found " + shown(found.toPlainString()) + ")");
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            Object value = invalid.getValue();
            return Optional.of("must be " + expected(invalid.getTargetType()) + " (found "
                    + (value instanceof String text ? ShownValues.quoted(text) : shown(String.valueOf(value))) + ")");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && String.valueOf(e.getOriginalMessage()).contains("from Embedded Object")) {
            return Optional.of("must be " + expected(mismatch.getTargetType()) + " (found binary data)");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && mismatch.getTargetType().isPrimitive() && NULL_INTO.matcher(e.getOriginalMessage()).find()) {
            return Optional.of("is missing or empty; it must be " + expected(mismatch.getTargetType()));
        }
        return Optional.empty();
    }

    /** The Java type of the key {@code e} is about, asked of Jackson when the exception does not carry it. */
    private Class<?> typeOfKey(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        if (path.isEmpty() || !(path.getLast().getFrom() instanceof Class<?> section)) {
            return null;
        }
        BeanDescription keys = yaml.getDeserializationConfig().introspect(yaml.constructType(section));
        return keys.findProperties().stream()
                .filter(property -> property.getName().equals(path.getLast().getFieldName()))
                .map(BeanPropertyDefinition::getRawPrimaryType)
                .findFirst().orElse(null);
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == BigInteger.class;
    }

    private static String shown(String value) {
        return ShownValues.shown(value);
    }

    private static final Pattern OUT_OF_RANGE = Pattern.compile("Numeric value \\(([^)]*)\\) out of range");
    private static final Pattern MALFORMED = Pattern.compile("Malformed numeric value '(.*)'");
    private static final Pattern NOT_FINITE = Pattern.compile("[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)");
    private static final Pattern NULL_INTO = Pattern.compile("Cannot map `null` into type");
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
            // As config.yaml spells them: "openai-compatible", not the constant's OPENAI_COMPATIBLE.
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant instanceof ProviderType provider ? provider.configName()
                            : constant.toString().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .collect(Collectors.joining(", "));
        }
        if (isWholeNumber(type)) {
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
