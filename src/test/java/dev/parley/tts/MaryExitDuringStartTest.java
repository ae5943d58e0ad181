package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaryExitDuringStartTest {

    private static IllegalStateException thrownBy(String className, String method, String message) {
        IllegalStateException failure = new IllegalStateException(message);
        failure.setStackTrace(new StackTraceElement[] {new StackTraceElement(className, method, "Mary.java", 371),
                new StackTraceElement("marytts.server.Mary$2", "run", "Mary.java", 290)});
        return failure;
    }

    @Test
    void marysShutdownHookBeforeItRanIsRecognised() {
        assertThat(MaryExitDuringStart.isMaryHookBeforeStart(
                thrownBy("marytts.server.Mary", "shutdown", "MARY system is not running"))).isTrue();
    }

    @Test
    void anyOtherFailureIsNot() {
        assertThat(MaryExitDuringStart.isMaryHookBeforeStart(
                thrownBy("marytts.server.Mary", "process", "MARY system is not running"))).isFalse();
        assertThat(MaryExitDuringStart.isMaryHookBeforeStart(
                thrownBy("marytts.server.Mary", "shutdown", "something else"))).isFalse();
        assertThat(MaryExitDuringStart.isMaryHookBeforeStart(new IllegalStateException("MARY system is not running")))
                .isFalse();
    }
}
