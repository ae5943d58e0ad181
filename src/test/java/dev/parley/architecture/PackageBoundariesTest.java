package dev.parley.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The layering docs/architecture.md draws, checked on the compiled classes: low-level packages know
 * nothing of the ones that use them, and each library stays behind the package that wraps it
 * (docs/decisions/0006).
 */
class PackageBoundariesTest {

    /** Packages with one job each, used by the ones above them and never using them. */
    private static final String[] LOW_LEVEL = {
            "dev.parley.audio..", "dev.parley.stt..", "dev.parley.tts..", "dev.parley.text..",
            "dev.parley.conversation..", "dev.parley.storage..", "dev.parley.tools..", "dev.parley.secrets..",
            "dev.parley.image..", "dev.parley.platform.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.parley");
    }

    @Test
    void lowLevelPackagesDoNotKnowTheLayersAboveThem() {
        noClasses().that().resideInAnyPackage(LOW_LEVEL)
                .should().dependOnClassesThat().resideInAnyPackage("dev.parley.llm..", "dev.parley.pipeline..",
                        "dev.parley.voice..", "dev.parley.live..", "dev.parley.ui..", "dev.parley.cli..", "dev.parley.bench..",
                        "dev.parley.api..")
                .check(classes);
    }

    @Test
    void thePipelineDoesNotKnowTheLoopTheWindowOrTheCommands() {
        noClasses().that().resideInAPackage("dev.parley.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.parley.voice..", "dev.parley.ui..", "dev.parley.cli..", "dev.parley.bench..", "dev.parley.api..")
                .check(classes);
    }

    @Test
    void theVoiceLoopDoesNotKnowTheWindowOrTheCommands() {
        noClasses().that().resideInAPackage("dev.parley.voice..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.parley.ui..", "dev.parley.cli..", "dev.parley.bench..", "dev.parley.api..")
                .check(classes);
    }

    @Test
    void liveSwapsKnowTheSpeechPartsAndTheLoopButNotTheModelsTheWindowOrTheCommands() {
        noClasses().that().resideInAPackage("dev.parley.live..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.parley.llm..", "dev.parley.ui..",
                        "dev.parley.cli..", "dev.parley.bench..", "dev.parley.api..")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.parley.voice..", "dev.parley.pipeline..")
                .should().dependOnClassesThat().resideInAPackage("dev.parley.live..")
                .check(classes);
    }

    @ParameterizedTest(name = "only {1} uses {0}")
    @CsvSource({
            "picocli..,                   dev.parley.cli..",
            "javafx..,                    dev.parley.ui..",
            "dev.langchain4j..,           dev.parley.llm..",
            "com.github.tjake..,          dev.parley.llm.embedded..",
            "org.vosk..,                  dev.parley.stt..",
            "marytts..,                   dev.parley.tts..",
            "javax.sound..,               dev.parley.audio..|dev.parley.tts..",
            "com.github.javakeyring..,    dev.parley.secrets..",
            "io.helidon..,                dev.parley.api..",
            "java.awt..,                  dev.parley.image..|dev.parley.ui.system..",
            "javax.imageio..,             dev.parley.image..",
            "dev.onvoid.webrtc..,         dev.parley.audio.echo..",
            "com.github.kwhat.jnativehook.., dev.parley.ui.system..",
            "org.apache.logging.log4j.core.., dev.parley.logging..",
    })
    void libraryIsUsedOnlyByThePackageThatWrapsIt(String library, String allowed) {
        noClasses().that().resideOutsideOfPackages(allowed.split("\\|"))
                .should().dependOnClassesThat().resideInAPackage(library)
                .check(classes);
    }

    @Test
    void onlyMainReachesTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("dev.parley.cli..")
                .and().doNotHaveFullyQualifiedName("dev.parley.Main")
                .should().dependOnClassesThat().resideInAPackage("dev.parley.cli..")
                .check(classes);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("dev.parley.(*)..").should().beFreeOfCycles().check(classes);
    }
}
