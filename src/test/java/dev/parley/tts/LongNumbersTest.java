package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers too long for MaryTTS to say as numbers are given to it digit by digit; the rest stay as written. */
class LongNumbersTest {

    @ParameterizedTest(name = "\"{0}\" is spoken as \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "I love it and 12345678901234567890 apples | I love it and 1 2 3 4, 5 6 7 8, 9 0 1 2, 3 4 5 6, 7 8 9 0 apples",
        "Card 1234567890123456. | Card 1 2 3 4, 5 6 7 8, 9 0 1 2, 3 4 5 6.",
        "Total 12,345,678,901,234,567,890 votes | Total 1 2, 3 4 5, 6 7 8, 9 0 1, 2 3 4, 5 6 7, 8 9 0 votes",
        "minus -99999999999999999 | minus -9 9 9 9, 9 9 9 9, 9 9 9 9, 9 9 9 9, 9",
        "ID A00000000000000000000012B | ID A0 0 0 0, 0 0 0 0, 0 0 0 0, 0 0 0 0, 0 0 0 0, 0 1 2B",
    })
    void numbersOfMoreThanFifteenDigitsAreSpokenDigitByDigit(String written, String spoken) {
        assertThat(LongNumbers.spelledOut(written)).isEqualTo(spoken);
    }

    @ParameterizedTest(name = "\"{0}\" stays")
    @CsvSource(delimiter = '|', value = {
        "There are 999999999999999 stars",
        "Population 7,900,000,000 and 123,456,789,012,345 cells",
        "pi is 3.14159265358979323846264 or so",
        "Call 0800 1234 5678 9012 now",
        "No numbers at all.",
    })
    void numbersMaryTtsSaysExactlyAndFractionsStayAsWritten(String written) {
        assertThat(LongNumbers.spelledOut(written)).isSameAs(written);
    }
}
