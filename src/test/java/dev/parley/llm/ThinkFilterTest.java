package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.Feeding;
import dev.parley.llm.ThinkFilter.Split;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ThinkFilterTest {

    static Stream<Arguments> streams() {
        return Stream.of(
                stream("plain answer without tags", "plain answer without tags", ""),
                stream("<think>weighing options</think>Use a map.", "Use a map.", "weighing options"),
                stream("<think>\nweighing\n</think>\n\nUse a map.", "Use a map.", "\nweighing\n"),
                stream("<THINK>loud</THINK>quiet", "quiet", "loud"),
                stream("<thinking>long form</thinking> done", "done", "long form"),
                stream("<Thinking>mixed case</THINKING>ok", "ok", "mixed case"),
                stream("a < b and x<3 and 1 <= 2", "a < b and x<3 and 1 <= 2", ""),
                stream("a <th b", "a <th b", ""),
                stream("ends with a tag start <think", "ends with a tag start <think", ""),
                stream("ends with a closing tag start </thin", "ends with a closing tag start </thin", ""),
                stream("not a tag: </thinker> and <thinks>", "not a tag: </thinker> and <thinks>", ""),
                stream("A<think>one</think> B <think>two</think> C", "A<think>one</think> B <think>two</think> C", ""),
                stream("<think>a</think>   \n\n  <think>b</think>\n\nFinal", "Final", "ab"),
                stream("<think>never closed, still thinking", "", "never closed, still thinking"),
                stream("Answer first.<think>trailing thoughts", "Answer first.<think>trailing thoughts", ""),
                stream("leaked reasoning</think>\n\nThe answer.", "leaked reasoning</think>\n\nThe answer.", ""),
                stream("</think>\n\nAnswer after a stray tag.", "</think>\n\nAnswer after a stray tag.", ""),
                stream("one </think> two </thinking> three", "one </think> two </thinking> three", ""),
                stream("The tag <think> is used by reasoning models. Bye.",
                        "The tag <think> is used by reasoning models. Bye.", ""),
                stream("<think>echo</think>The tag <think> opens reasoning; </think> ends it.",
                        "The tag <think> opens reasoning; </think> ends it.", "echo"),
                stream("  \n\n leading blanks go", "leading blanks go", ""),
                stream("<think>x < y and <b>bold</b></think>ok", "ok", "x < y and <b>bold</b>"),
                stream("<think>nested <think> inner</think>after", "after", "nested <think> inner"),
                stream("Hello<think>hm</think> world", "Hello<think>hm</think> world", ""),
                stream("Line one\n\n<think>aside</think>\n\nLine two", "Line one\n\n<think>aside</think>\n\nLine two",
                        ""),
                stream("<<think>>", "<<think>>", ""),
                stream(" \n <think>a</think><think>b</think> x", "x", "ab"),
                stream("", "", ""));
    }

    private static Arguments stream(String input, String answer, String reasoning) {
        return Arguments.of(input, answer, reasoning);
    }

    static Stream<Arguments> streamsAndFeedings() {
        return streams().flatMap(stream -> Arrays.stream(Feeding.values())
                .map(feeding -> Arguments.of(stream.get()[0], stream.get()[1], stream.get()[2], feeding)));
    }

    @ParameterizedTest(name = "{3}: {0}")
    @MethodSource("streamsAndFeedings")
    void separatesAnswerFromReasoningHoweverTheStreamIsSplit(
            String input, String answer, String reasoning, Feeding feeding) {
        Split result = feed(new ThinkFilter(), feeding, input);

        assertThat(result.answer()).isEqualTo(answer);
        assertThat(result.reasoning()).isEqualTo(reasoning);
    }

    @Test
    void dropsThinkBlockWhoseTagsAreSplitAtEveryPossiblePosition() {
        String input = "<think>plan</think>Answer";
        for (int first = 1; first < input.length(); first++) {
            for (int second = first + 1; second < input.length(); second++) {
                ThinkFilter filter = new ThinkFilter();
                Split result = concat(
                        filter.push(input.substring(0, first)),
                        filter.push(input.substring(first, second)),
                        filter.push(input.substring(second)),
                        filter.finish());

                assertThat(result).as("split at %d and %d", first, second).isEqualTo(new Split("Answer", "plan"));
            }
        }
    }

    @Test
    void reportsReasoningWhileTheBlockIsStillOpen() {
        ThinkFilter filter = new ThinkFilter();

        assertThat(filter.push("<think>first idea")).isEqualTo(new Split("", "first idea"));
        assertThat(filter.push(", second")).isEqualTo(new Split("", ", second"));
    }

    @Test
    void holdsBackOnlyTheTextThatCouldStillBeATag() {
        ThinkFilter filter = new ThinkFilter();

        assertThat(filter.push(" <th")).isEqualTo(Split.EMPTY);
        assertThat(filter.push("is")).isEqualTo(new Split("<this", ""));
    }

    @Test
    void releasesLoneAngleBracketOnceTheNextCharacterRulesOutATag() {
        ThinkFilter filter = new ThinkFilter();

        assertThat(filter.push("<")).isEqualTo(Split.EMPTY);
        assertThat(filter.push("3 is a heart")).isEqualTo(new Split("<3 is a heart", ""));
    }

    @Test
    void holdsBackAClosingTagStartInsideABlock() {
        ThinkFilter filter = new ThinkFilter();

        assertThat(filter.push("<think>idea</thi")).isEqualTo(new Split("", "idea"));
        assertThat(filter.push("nk>Yes")).isEqualTo(new Split("Yes", ""));
    }

    @Test
    void finishReleasesAHeldBackTagStartAsAnswer() {
        ThinkFilter filter = new ThinkFilter();
        filter.push("  <thin");

        assertThat(filter.finish()).isEqualTo(new Split("<thin", ""));
    }

    @Test
    void finishKeepsTheHeldBackTextOfAnUnterminatedBlockAsReasoning() {
        ThinkFilter filter = new ThinkFilter();
        filter.push("<think>unsure </thin");

        assertThat(filter.finish()).isEqualTo(new Split("", "</thin"));
    }

    @Test
    void startsTheNextStreamAfreshAfterFinish() {
        ThinkFilter filter = new ThinkFilter();
        filter.push("Hi, <think> is a tag");
        filter.finish();

        assertThat(concat(filter.push(" <think>r</think> Next answer"), filter.finish()))
                .isEqualTo(new Split("Next answer", "r"));
    }

    @Test
    void passesTheAnswerOnAtOnceOnceItHasBegunEvenWhereATagCouldStart() {
        ThinkFilter filter = new ThinkFilter();

        assertThat(filter.push("Hi")).isEqualTo(new Split("Hi", ""));
        assertThat(filter.push(" <thi")).isEqualTo(new Split(" <thi", ""));
        assertThat(filter.push("nk> more")).isEqualTo(new Split("nk> more", ""));
    }

    @Test
    void emptySplitIsEmptyAndAnyTextIsNot() {
        assertThat(Split.EMPTY.isEmpty()).isTrue();
        assertThat(new Split("", "").isEmpty()).isTrue();
        assertThat(new Split("a", "").isEmpty()).isFalse();
        assertThat(new Split("", "r").isEmpty()).isFalse();
    }

    @Test
    void pushWithNothingCertainReturnsEmpty() {
        ThinkFilter filter = new ThinkFilter();

        assertThat(filter.push("<thi").isEmpty()).isTrue();
        assertThat(filter.push("").isEmpty()).isTrue();
    }

    private static Split feed(ThinkFilter filter, Feeding feeding, String input) {
        Split result = Split.EMPTY;
        for (String piece : feeding.pieces(input)) {
            result = concat(result, filter.push(piece));
        }
        return concat(result, filter.finish());
    }

    private static Split concat(Split... splits) {
        StringBuilder answer = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        for (Split split : splits) {
            answer.append(split.answer());
            reasoning.append(split.reasoning());
        }
        return new Split(answer.toString(), reasoning.toString());
    }
}
