package dev.parley.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Case changes that follow the user's locale turn "idle" into "ıdle" under Turkish: API event names, key
 * names and CSS classes stop matching. Every case change in Parley names its locale.
 */
class LocaleIndependenceTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.parley");

    @Test
    void noCaseChangeFollowsTheDefaultLocale() {
        noClasses().should().callMethod(String.class, "toLowerCase")
                .orShould().callMethod(String.class, "toUpperCase")
                .because("String.toLowerCase() and toUpperCase() follow the default locale; pass Locale.ROOT")
                .check(CLASSES);
    }
}
