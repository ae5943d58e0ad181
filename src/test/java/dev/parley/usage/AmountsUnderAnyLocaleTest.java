package dev.parley.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parley's sentences are English, and config.yaml writes its amounts with a decimal point: a German
 * or French default locale (a full JDK, as `scripts/parley` runs) must not turn "0.42 of 2.00 USD"
 * into "0,42 of 2,00 USD" beside a budget the user wrote as 2.00.
 */
class AmountsUnderAnyLocaleTest {

    private Locale before;

    @BeforeEach
    void remember() {
        before = Locale.getDefault();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"de-DE", "fr-FR", "tr-TR"})
    void spendingIsWrittenWithADecimalPoint(String locale) {
        Locale.setDefault(Locale.forLanguageTag(locale));

        assertThat(Spending.against(0.42, 2.0)).isEqualTo("0.42 of 2.00 USD (21 %)");
        assertThat(Spending.against(1234.5, 0)).isEqualTo("1234.50 USD (no limit)");
    }
}
