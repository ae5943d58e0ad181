package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Word errors and the words that survive, as the recognizer tests and the duplex benchmark count them. */
class WordErrorRateTest {

    @Test
    void countsSubstitutionsDeletionsAndInsertionsOverTheReference() {
        assertThat(WordErrorRate.of("What is the weather like today?", "what is the weather like today")).isZero();
        assertThat(WordErrorRate.of("what is the weather like today", "what in that when they're like today"))
                .isEqualTo(4 / 6.0);
        assertThat(WordErrorRate.of("", "anything")).isEqualTo(1);
    }

    @Test
    void wordsInOrderIsTheLongestCommonSubsequence() {
        assertThat(WordErrorRate.wordsInOrder("what is the weather like today", "what in that when they're like today"))
                .isEqualTo(3);
        assertThat(WordErrorRate.wordsInOrder("what is the weather like today", "ronald ronald all")).isZero();
        assertThat(WordErrorRate.wordsInOrder("what is the weather like today", "today like what")).isEqualTo(1);
        assertThat(WordErrorRate.wordsInOrder("please turn on the kitchen lights", "The kitchen lights.")).isEqualTo(3);
    }
}
