package dev.parley.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownToSpeechTest {

    static Stream<Arguments> fragments() {
        return Stream.of(
                // emphasis
                spoken("**bold** text", "bold text"),
                spoken("*italic* text", "italic text"),
                spoken("__strong__ and _em_", "strong and em"),
                spoken("***both*** at once", "both at once"),
                spoken("**Note:** read this", "Note: read this"),
                spoken("~~old~~ new price", "old new price"),
                spoken("**unclosed bold at a chunk cut", "unclosed bold at a chunk cut"),
                spoken("the other half of it**", "the other half of it"),
                // marks that are not emphasis
                spoken("keep snake_case_names intact", "keep snake_case_names intact"),
                spoken("2*3*4 is 24", "2*3*4 is 24"),
                spoken("2 * 3 = 6", "2 * 3 = 6"),
                spoken("about ~5 minutes", "about ~5 minutes"),
                spoken("a < b and x<3", "a < b and x<3"),
                spoken("#hashtag and #1", "#hashtag and #1"),
                spoken("-5 degrees outside", "-5 degrees outside"),
                spoken("3.14 is close to pi", "3.14 is close to pi"),
                spoken("It costs $1,000.50.", "It costs $1,000.50."),
                // code
                spoken("run `make test` now", "run make test now"),
                spoken("```java\nint x = 1;\n```\nafter the code", "after the code"),
                spoken("before\n```\nnever closed code", "before"),
                spoken("list:\n   ~~~\n   indented fence\n   ~~~\nend", "list: end"),
                spoken("````\n```\nstill code\n````\nout", "out"),
                // headings, lists, quotes
                spoken("# Title", "Title"),
                spoken("###### Deep heading", "Deep heading"),
                spoken("## Closed heading ##", "Closed heading"),
                spoken("C# and F# stay", "C# and F# stay"),
                spoken("- item", "item"),
                spoken("* item", "item"),
                spoken("+ item", "item"),
                spoken("1. first step", "first step"),
                spoken("12) twelfth step", "twelfth step"),
                spoken("  - nested item", "nested item"),
                spoken("- [ ] open task", "open task"),
                spoken("- [x] done task", "done task"),
                spoken("> quoted", "quoted"),
                spoken("> > nested quote", "nested quote"),
                spoken("> - quoted item", "quoted item"),
                spoken("Intro:\n- one\n- two", "Intro: one two"),
                // links and images
                spoken("[the docs](https://example.com/a.b)", "the docs"),
                spoken("![a chart](chart.png) shows growth", "shows growth"),
                spoken("see [ref link][1]", "see ref link"),
                spoken("link text](https://example.com) ends here", "link text ends here"),
                spoken("<https://example.com>", "https://example.com"),
                spoken("line<br>break", "line break"),
                // rules and tables
                spoken("---", ""),
                spoken("***", ""),
                spoken("___", ""),
                spoken("- - -", ""),
                spoken("above\n\n---\n\nbelow", "above below"),
                spoken("| Name | Age |\n|:-----|----:|\n| Bob | 42 |", "Name, Age Bob, 42"),
                // whitespace
                spoken("  lots   of\tspace\n\nand lines  ", "lots of space and lines"),
                spoken("windows\r\nline ends", "windows line ends"),
                spoken("", ""));
    }

    private static Arguments spoken(String markdown, String speech) {
        return Arguments.of(markdown, speech);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("fragments")
    void speaksTheWordsOfMarkdown(String markdown, String speech) {
        assertThat(MarkdownToSpeech.toSpeech(markdown)).isEqualTo(speech);
    }

    @Test
    void inlineStrippingLeavesLineMarkersOfAMidLinePieceAlone() {
        assertThat(MarkdownToSpeech.inlineToSpeech(" 3. - and **more**")).isEqualTo("3. - and more");
    }

    @Test
    void onlyLettersOrDigitsMakeTextSpeakable() {
        assertThat(MarkdownToSpeech.isSpeakable("--- ** ``` ...")).isFalse();
        assertThat(MarkdownToSpeech.isSpeakable("... 7")).isTrue();
        assertThat(MarkdownToSpeech.isSpeakable("é")).isTrue();
    }
}
