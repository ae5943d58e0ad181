package dev.parley.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each package keeps to its job: libraries stay behind the package that wraps them. */
class PackageBoundariesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/parley");

    @ParameterizedTest(name = "only {1} imports {0}")
    @CsvSource({
            "picocli.,          cli",
            "javafx.,           ui",
            "dev.langchain4j.,  llm",
            "com.github.tjake., llm/embedded",
            "org.vosk.,         stt",
            "marytts.,          tts",
            "javax.sound.,      audio|tts",
            "com.github.javakeyring., secrets",
            "io.helidon.,       api",
            "dev.parley.cli.,   cli|Main.java",
    })
    void libraryIsImportedOnlyByItsPackage(String importPrefix, String allowed) throws IOException {
        List<String> allowedPlaces = List.of(allowed.split("\\|"));
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<String> offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> allowedPlaces.stream().noneMatch(place -> SOURCES.relativize(file).startsWith(place)))
                    .filter(file -> imports(file, importPrefix))
                    .map(file -> SOURCES.relativize(file).toString())
                    .toList();
            assertThat(offenders).as("files outside %s importing %s", allowed, importPrefix).isEmpty();
        }
    }

    private static boolean imports(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("import " + prefix)
                    || line.startsWith("import static " + prefix));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
