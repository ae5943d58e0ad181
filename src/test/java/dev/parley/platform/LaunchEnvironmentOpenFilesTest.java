package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * packaging/launch-environment, which both launchers source, under a hard limit of open files too low
 * for the JVM to hold Parley's jars: it said nothing, and Parley died with pages of NoClassDefFoundError.
 */
class LaunchEnvironmentOpenFilesTest {

    private static final Path BASH = Path.of("/bin/bash");
    private static final Path SCRIPT = Path.of("packaging", "launch-environment");

    @BeforeEach
    void bashAndTheScript() {
        assumeThat(Files.isExecutable(BASH) && Files.isReadable(SCRIPT)).isTrue();
    }

    @Test
    void aHardLimitTooLowIsSaidInOneLineWithTheFixAndNothingStarts() throws Exception {
        Run run = underLimit(100);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).isEqualTo("parley: Parley needs at least 256 open files, and this session allows"
                + " only 100 (ulimit -Hn): raise the limit (LimitNOFILE= in a systemd unit, nofile in"
                + " /etc/security/limits.conf, or ulimit -n 1024 in a shell that may).\n");
    }

    @Test
    void aUsualLimitLetsParleyStart() throws Exception {
        Run run = underLimit(1024);
        assumeThat(run.exitCode()).as("this machine's hard limit allows 1024 open files").isNotEqualTo(77);

        assertThat(run.output()).isEqualTo("started\n");
        assertThat(run.exitCode()).isZero();
    }

    private record Run(int exitCode, String output) {}

    private static Run underLimit(int openFiles) throws Exception {
        Process process = new ProcessBuilder(BASH.toString(), "-c", "ulimit -n " + openFiles + " 2>/dev/null || exit 77;"
                + " source " + SCRIPT + " && echo started").redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }
}
