package dev.parley.config;

import dev.parley.Throwables;
import dev.parley.storage.AtomicFiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads config.yaml into {@link ParleyConfig}, failing with messages that name the key and line,
 * and creates the user's config from the shipped one on first run.
 */
public final class ConfigLoader {

    /** The shipped config.yaml, packed into the jar by the build. */
    static final String SHIPPED_CONFIG = "/dev/parley/config/config.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

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
            throw new ConfigException(file + " line " + e.getLocation().getLineNr()
                    + ": not valid YAML (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")", e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + file + ": " + e.getMessage(), e);
        }
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
        if (e instanceof UnrecognizedPropertyException unknown) {
            problem = "unknown key '" + unknown.getPropertyName() + "'; known keys here: "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                            .collect(Collectors.joining(", "));
        } else if (Throwables.rootCause(e) instanceof IllegalArgumentException invalid) {
            problem = invalid.getMessage();
        } else {
            problem = e.getOriginalMessage().lines().findFirst().orElse("invalid value")
                    .replaceAll(" \\(for [^)]*\\)", "")
                    .replaceAll("`[a-z.]+\\.([A-Za-z]+)`", "$1");
        }
        return where + ": " + (key.isEmpty() ? "" : key + ": ") + problem;
    }

}
