package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StandardInputTest {

    private static final Path JAVA_HOME = Path.of("/opt/parley/lib/runtime");

    @Test
    void theRuntimesOwnFileOnDescriptorZeroMeansInputWasClosed() {
        assertThat(StandardInput.isRuntimeFile(JAVA_HOME.resolve("lib/modules"), JAVA_HOME)).isTrue();
        assertThat(StandardInput.isRuntimeFile(Path.of("/opt/parley/lib/runtime/lib/../lib/modules"), JAVA_HOME))
                .isTrue();
    }

    @Test
    void pipesTerminalsAndTheUsersFilesAreRealInput() {
        assertThat(StandardInput.isRuntimeFile(Path.of("pipe:[48213]"), JAVA_HOME)).isFalse();
        assertThat(StandardInput.isRuntimeFile(Path.of("/dev/pts/0"), JAVA_HOME)).isFalse();
        assertThat(StandardInput.isRuntimeFile(Path.of("/dev/null"), JAVA_HOME)).isFalse();
        assertThat(StandardInput.isRuntimeFile(Path.of("/opt/parley/lib/runtime-notes.txt"), JAVA_HOME)).isFalse();
        assertThat(StandardInput.isRuntimeFile(null, JAVA_HOME)).isFalse();
    }
}
