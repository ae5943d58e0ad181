package dev.parley;

import dev.parley.audio.echo.NativeExitNoise;
import dev.parley.cli.Cli;
import dev.parley.config.ParleyPaths;
import dev.parley.logging.LogFileErrors;
import dev.parley.platform.NativeLibraryFolders;
import dev.parley.platform.StandardInput;
import dev.parley.platform.StandardOutput;
import dev.parley.storage.PrivateFiles;
import dev.parley.ui.Desktop;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Entry point: with no arguments, or only {@code --config FILE}, the desktop window; otherwise the
 * command line. Decides where the log file goes before anything touches Log4j, so this class must
 * not hold a logger of its own.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        NativeLibraryFolders.nameUnlessNamed(); // before anything loads a native library through JNA
        ParleyPaths paths;
        try {
            paths = ParleyPaths.fromEnvironment();
        } catch (InvalidPathException unspellable) { // the launchers avoid it; a bare `java -cp` may not
            System.err.println(unspellablePath(unspellable));
            System.exit(1);
            return;
        }
        if (System.getProperty("parley.log.dir") == null) {
            System.setProperty("parley.log.dir", paths.logDir().toString());
        }
        // Before Log4j makes the log folder with the umask's permissions.
        Path logDir = Path.of(System.getProperty("parley.log.dir"));
        Map<Path, String> unusable = PrivateFiles.secure(paths.configDir(), paths.dataDir(), logDir);
        unusable.forEach((folder, why) -> System.err.println("parley: cannot make the folder " + folder + " (" + why
                + ")" + (folder.equals(logDir) ? "; Parley keeps no log this time." : ".")));
        if (unusable.containsKey(logDir)) {
            System.setProperty("parley.log.file", "off"); // LogConfiguration: no file, rather than Log4j's stack trace
        }
        LogFileErrors.reportOnce();
        Optional<WindowLaunch> window = windowLaunch(args);
        OptionalInt withVectorApi = VectorApiLaunch.runIfNeeded(args, window.isPresent(), paths);
        if (withVectorApi.isPresent()) {
            exit(withVectorApi.getAsInt());
        }
        if (window.isPresent()) {
            exit(Desktop.run(window.get().config()));
        }
        exit(Cli.run(args, StandardInput.usable(), System.out, System.err, StandardOutput::isTerminal));
    }

    /**
     * A home or XDG folder whose name the locale's character set cannot hold (a "é" under LANG=C): the
     * JVM then cannot name any file in it.
     */
    static String unspellablePath(InvalidPathException e) {
        return "parley: the folder " + e.getInput() + " has characters that this locale ("
                + System.getProperty("sun.jnu.encoding") + ") cannot spell; start Parley with LC_ALL=C.UTF-8 or"
                + " another UTF-8 locale.";
    }

    private static void exit(int code) {
        NativeExitNoise.silenceBeforeExit();
        System.exit(code);
    }

    /** The window to open, with the config it reads ({@code null}: the user's own). */
    record WindowLaunch(Path config) {}

    /**
     * The window for no arguments or exactly {@code --config FILE} ({@code --config=FILE}); anything
     * else is a command, so {@code parley --help} and {@code parley chat --config FILE} reach picocli.
     */
    static Optional<WindowLaunch> windowLaunch(String... args) {
        if (args.length == 0) {
            return Optional.of(new WindowLaunch(null));
        }
        if (args.length == 2 && args[0].equals("--config") && !args[1].isBlank()) {
            return Optional.of(new WindowLaunch(Path.of(args[1])));
        }
        if (args.length == 1 && args[0].startsWith("--config=") && args[0].length() > "--config=".length()) {
            return Optional.of(new WindowLaunch(Path.of(args[0].substring("--config=".length()))));
        }
        return Optional.empty();
    }
}
