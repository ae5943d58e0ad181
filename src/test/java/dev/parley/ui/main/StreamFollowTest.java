package dev.parley.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamFollowTest {

    @Test
    void theBottomAndJustAboveItCountAsTheBottom() {
        assertThat(StreamFollow.nearBottom(1, 1000, 400)).isTrue();
        assertThat(StreamFollow.nearBottom((600 - 20) / 600.0, 1000, 400)).isTrue();
    }

    @Test
    void aReaderWhoScrolledUpIsNotAtTheBottom() {
        assertThat(StreamFollow.nearBottom(0.5, 1000, 400)).isFalse();
    }

    @Test
    void contentThatFitsTheViewIsAlwaysAtItsBottom() {
        assertThat(StreamFollow.nearBottom(0, 300, 400)).isTrue();
    }
}
