package dev.parley.cli;

import dev.parley.config.ConfigRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Values an option may not take, refused as usage errors (exit 2, naming the option) before anything
 * runs: "--seconds NaN" listened for "NaN s", "--days -1" reported "the last -1 days", and a port of
 * 70000 or a URL without a scheme ended in a Java exception's text.
 */
final class OptionChecks {

    private OptionChecks() {}

    /** A number in {@code [min, max]}; NaN and the infinities are never in range. */
    static void within(CommandSpec spec, String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) { // written so NaN fails too
            throw new ParameterException(spec.commandLine(), option + " must be from " + number(min) + " to "
                    + number(max) + " (found " + number(value) + ")");
        }
    }

    /** A port another program can listen on: 1 to 65535 ({@code null}: not given). */
    static void port(CommandSpec spec, String option, Integer port) {
        if (port != null) {
            within(spec, option, port, 1, 65535);
        }
    }

    /** An http(s) URL with a host and a possible port ({@code null}: not given). */
    static void httpUrl(CommandSpec spec, String option, String url) {
        Optional<String> problem = url == null ? Optional.empty() : ConfigRules.httpUrl(url);
        problem.ifPresent(why -> {
            throw new ParameterException(spec.commandLine(), option + ": " + why);
        });
    }

    /** Text that names something ({@code null}: not given). */
    static void notBlank(CommandSpec spec, String option, String value) {
        if (value != null && value.isBlank()) {
            throw new ParameterException(spec.commandLine(), option + " is empty; leave it out, or give a value");
        }
    }

    /**
     * A file to write: not blank, and in a folder that exists ({@code null} or "-": not given, or
     * stdout). A typo in the folder ("/tmp/typo/deep/s.wav") would otherwise make the whole path, even
     * a folder at the root, and leave the file where nobody looks; like cp and most tools, Parley writes
     * only into a folder that is there.
     */
    static void outputFile(CommandSpec spec, String option, Path file) {
        notBlank(spec, option, file == null ? null : file.toString());
        if (file == null || isStandardOutput(file)) {
            return;
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(), option + " " + file + ": the folder " + folder
                    + (Files.exists(folder) ? " is not a folder" : " does not exist") + "; create it first, or choose"
                    + " another place");
        }
    }

    /** Whether {@code file}, an {@code --out} value, is "-": standard output, as for most tools. */
    static boolean isStandardOutput(Path file) {
        return file != null && file.toString().equals("-");
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
