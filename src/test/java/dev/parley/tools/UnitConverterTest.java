package dev.parley.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitConverterTest {

    @ParameterizedTest(name = "{0} {1} = {3} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1      | in      | cm        | 2.54
            5      | miles   | km        | 8.04672
            1      | km      | m         | 1000
            3      | ft      | m         | 0.9144
            1      | kg      | lb        | 2.2046226218487758072
            16     | oz      | lb        | 1
            1      | gal     | l         | 3.785411784
            100    | km/h    | m/s       | 27.777777777777777778
            60     | mph     | km/h      | 96.56064
            90     | minutes | h         | 1.5
            1      | day     | s         | 86400
            1      | GiB     | MB        | 1073.741824
            8      | bits    | bytes     | 1
            100    | C       | F         | 212
            32     | F       | C         | 0
            -40    | C       | F         | -40
            0      | K       | C         | -273.15
            98.6   | F       | C         | 37
            20     | celsius | kelvin    | 293.15
            """)
    void converts(String value, String from, String to, String expected) {
        assertThat(UnitConverter.convert(new BigDecimal(value), from, to)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            kg       | m       | cannot convert kg (mass) to m (length)
            C        | km      | cannot convert c (temperature) to km (length)
            parsecs  | m       | unknown unit 'parsecs'
            m        | cubits  | unknown unit 'cubits'
            """)
    void explainsUnknownAndIncompatibleUnits(String from, String to, String message) {
        assertThatThrownBy(() -> UnitConverter.convert(BigDecimal.ONE, from, to))
                .isInstanceOf(ToolException.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0} {1} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            -500     | K
            -0.001   | kelvin
            -273.16  | C
            -459.68  | F
            """)
    void refusesATemperatureBelowAbsoluteZero(String value, String unit) {
        assertThatThrownBy(() -> UnitConverter.convert(new BigDecimal(value), unit, "C"))
                .isInstanceOf(ToolException.class)
                .hasMessage(value + " " + unit + " is below absolute zero (0 K = -273.15 °C = -459.67 °F), so it is no"
                        + " temperature; check the value and its unit");
    }

    @ParameterizedTest(name = "{0} {1} is absolute zero")
    @CsvSource(delimiter = '|', textBlock = """
            0        | K
            -273.15  | C
            -459.67  | F
            """)
    void absoluteZeroItselfConverts(String value, String unit) {
        assertThat(UnitConverter.convert(new BigDecimal(value), unit, "K")).isEqualByComparingTo("0");
    }

    @Test
    void answersWithTheValueAndBothUnits() {
        String result = new UnitConverter().execute(ToolArguments.of(Map.of("value", 5, "from", "mi", "to", "km")));

        assertThat(result).isEqualTo("5 mi = 8.04672 km");
    }

    @Test
    void refusesAValueThatIsNoNumber() {
        assertThatThrownBy(() -> new UnitConverter().execute(ToolArguments.of(Map.of("value", "five", "from", "mi",
                "to", "km")))).isInstanceOf(ToolException.class).hasMessageContaining("'value' must be a number");
    }

    @ParameterizedTest(name = "{0} {1} to {2}")
    @CsvSource({"1e999999999, F, C", "1e-999999999, F, K", "1e999999999, mi, km", "-1e999999999, C, F", "1e99999999, F, C"})
    // Before: ArithmeticException and a stack trace here; a hundred-million-digit subtraction for 1e99999999.
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void refusesValuesBeyondAnyMeasurementBeforeComputing(String value, String from, String to) {
        assertThatThrownBy(() -> new UnitConverter().execute(ToolArguments.of(Map.of("value", value, "from", from,
                "to", to)))).isInstanceOf(ToolException.class)
                .hasMessageStartingWith("parameter 'value' is " + value + ", beyond any number this tool works with");
    }
}
