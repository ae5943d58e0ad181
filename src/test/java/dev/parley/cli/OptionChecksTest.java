package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Option values no run can use are usage errors (exit 2) that name the option, said before anything
 * loads: not a Java exception's text, and not "Listening for NaN s" or "the last -1 days".
 */
class OptionChecksTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "events --port=-1 | --port must be from 1 to 65535 (found -1)",
            "events --port=70000 | --port must be from 1 to 65535 (found 70000)",
            "events --max=-5 | --max must be from 1 to",
            "listen --seconds=NaN | --seconds must be from 0.1 to 3600 (found NaN)",
            "listen --seconds=Infinity | --seconds must be from 0.1 to 3600 (found Infinity)",
            "stats --days=-1 | --days must be from 1 to 36500 (found -1)",
            "setup --no-audio --mic-seconds=-3 | --mic-seconds must be from 1 to 60 (found -3)",
            "setup --no-audio --ollama-url= | --ollama-url: '' is not an http(s) URL",
            "ask --model= hello | --model is empty",
            "ask --model=\u0020\u0020 hello | --model is empty",
            "ask --base-url=localhost:11434 hello | --base-url: 'localhost:11434' is not an http(s) URL",
            "ask --base-url=HTTP://localhost:11434 hello | --base-url: 'HTTP://localhost:11434' must start with http:// in lower case",
            "ask --base-url=http://ollama_server:11434 hello | --base-url: 'http://ollama_server:11434' has a '_' in its host name",
            "bench --token-ms=-5 | --token-ms must be from 0 to 10000 (found -5)",
            "say hi --out= | --out is empty",
            "conversations export kitchen --out= | --out is empty",
            "say hi --out=/no-such-parley-folder/deep/s.wav | --out /no-such-parley-folder/deep/s.wav: the folder"
                    + " /no-such-parley-folder/deep does not exist; create it first, or choose another place",
            "turn --in=q.wav --out=/no-such-parley-folder/a.wav | the folder /no-such-parley-folder does not exist",
            "conversations export kitchen --out=/no-such-parley-folder/dir/x.md | the folder /no-such-parley-folder/dir"
                    + " does not exist",
            "say hi --out=/etc/passwd/s.wav | the folder /etc/passwd is not a folder"})
    void aValueNoRunCanUseIsAUsageErrorNamingTheOption(String command, String message) {
        CliRun run = CliRun.of((command + " --config /nonexistent/config.yaml").split(" "));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("Exception", "/nonexistent");
        assertThat(Path.of("/no-such-parley-folder")).as("an --out folder is never made").doesNotExist();
    }
}
