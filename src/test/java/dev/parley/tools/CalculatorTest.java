package dev.parley.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.CsvSource;

class CalculatorTest {

    private static String calculate(String expression) {
        return new Calculator().execute(ToolArguments.of(Map.of("expression", expression)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.1+0.2          | 0.3
            2^10             | 1024
            (1+2)*3          | 9
            1+2*3            | 7
            10/4             | 2.5
            1/3              | 0.33333333333333333333
            2/3              | 0.66666666666666666667
            -2^2             | -4
            (-2)^2           | 4
            2^3^2            | 512
            2^-2             | 0.25
            --3              | 3
            -(4-6)*1.5       | 3
            50%              | 0.5
            15% * 80         | 12
            12 × 7           | 84
            1,000 + 1        | 1001
            0.000001 * 3     | 0.000003
            100 - 100        | 0
            99999999999999999999 + 1 | 100000000000000000000
            """)
    void evaluatesExactly(String expression, String expected) {
        assertThat(calculate(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1/0              | division by zero
            5/(2-2)          | division by zero
            0^-1             | division by zero
            2+               | ends too early
            (1+2             | missing ')'
            2 * x            | unexpected 'x' at position 5
            1.2.3            | '1.2.3' is not a number
            2^0.5            | only whole-number exponents
            10^100000        | too large
            1 2              | unexpected '2'
            """)
    void explainsWhatIsWrong(String expression, String message) {
        assertThatThrownBy(() -> calculate(expression)).isInstanceOf(ToolException.class).hasMessageContaining(message);
    }

    @Test
    void refusesDeeplyNestedParenthesesWithOneLine() {
        String nested = "(".repeat(100_000) + "1" + ")".repeat(100_000);

        assertThatThrownBy(() -> calculate(nested)).isInstanceOf(ToolException.class)
                .hasMessage("the expression is 200,001 characters long; at most 1,000 are accepted, so split the"
                        + " calculation into steps");
    }

    @Test
    void writesItsLimitsWithCommasUnderAGermanLocaleToo() {
        java.util.Locale before = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.GERMANY); // where "1.000" would read as one
        try {
            assertThatThrownBy(() -> calculate("1+".repeat(600) + "1")).isInstanceOf(ToolException.class)
                    .hasMessageStartingWith("the expression is 1,201 characters long; at most 1,000 are accepted");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void refusesParenthesesNestedDeeperThanAHundredLevels() {
        assertThat(calculate("(".repeat(100) + "1" + ")".repeat(100))).isEqualTo("1");
        assertThatThrownBy(() -> calculate("(".repeat(101) + "1" + ")".repeat(101))).isInstanceOf(ToolException.class)
                .hasMessage("the parentheses are nested more than 100 levels deep");
    }

    @ParameterizedTest
    @ValueSource(strings = {"((9^9999)^9999)^9999", "(9^9999)^2", "9^9999 * 9^9999", "123456789^9999",
            "(2^9999)^9999", "0.123456789^9999"})
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // the old code ran for hours
    void refusesResultsTooLongToComputeBeforeComputingThem(String expression) {
        assertThatThrownBy(() -> calculate(expression)).isInstanceOf(ToolException.class)
                .hasMessage("the numbers get too long: more than 10,000 digits, which no exact calculation here"
                        + " works with; use smaller numbers or exponents");
    }

    @Test
    void givesLongResultsToTwentySignificantDigits() {
        assertThat(calculate("9^9999")).isEqualTo("2.9570038080193553244E+9541");
        assertThat(calculate("2^-9999")).isEqualTo("1.0024745498412904019E-3010");
    }

    @Test
    void quotesOnlyTheStartOfALongExpressionInAnError() {
        String expression = "1+".repeat(400) + "x";

        assertThatThrownBy(() -> calculate(expression)).isInstanceOf(ToolException.class)
                .hasMessage("unexpected 'x' at position 801 in '" + "1+".repeat(28) + "1..." + "'");
    }

    @ParameterizedTest
    @CsvSource({"'   '", "''"})
    void refusesAnEmptyExpression(String expression) {
        assertThatThrownBy(() -> calculate(expression)).isInstanceOf(ToolException.class)
                .hasMessageContaining("expression");
    }
}
