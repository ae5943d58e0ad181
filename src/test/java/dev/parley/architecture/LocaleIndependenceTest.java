package dev.parley.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Case changes that follow the user's locale turn "idle" into "ıdle" under Turkish: API event names, key
 * names and CSS classes stop matching. Every case change in Parley names its locale, called or passed
 * as a method reference ({@code map(String::toLowerCase)}).
 */
class LocaleIndependenceTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.parley");

    private static final DescribedPredicate<JavaAccess<?>> CASE_CHANGE_WITHOUT_LOCALE = DescribedPredicate.describe(
            "String.toLowerCase() or toUpperCase() without a Locale",
            access -> access.getTargetOwner().isEquivalentTo(String.class)
                    && Set.of("toLowerCase", "toUpperCase").contains(access.getName())
                    && access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget target
                    && target.getRawParameterTypes().isEmpty());

    @Test
    void noCaseChangeFollowsTheDefaultLocale() {
        noClasses().should().accessTargetWhere(CASE_CHANGE_WITHOUT_LOCALE)
                .because("String.toLowerCase() and toUpperCase() follow the default locale; pass Locale.ROOT")
                .check(CLASSES);
    }
}
