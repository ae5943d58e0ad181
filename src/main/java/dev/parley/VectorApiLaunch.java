package dev.parley;

import dev.parley.config.ConfigLoader;
import dev.parley.config.LlmConfig;
import dev.parley.config.ParleyConfig;
import dev.parley.config.ParleyPaths;
import dev.parley.config.ProviderType;
import dev.parley.llm.embedded.VectorApi;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Starts Parley again with the Vector API when an embedded provider will answer. Parley's launchers
 * leave the incubator module out, because the JVM then prints "WARNING: Using incubator modules" on
 * every start; only Jlama needs it, and a module cannot be added to a running JVM. So when the
 * window or a command that asks a model would use an embedded provider (the active one, the one
 * named by {@code --provider}, or one in {@code llm.fallback}), this JVM runs a second one with
 * {@code --add-modules jdk.incubator.vector} and the same options, class path and arguments, and
 * exits with its exit code. That costs one short JVM start, and the warning is printed once. A window
 * whose user chooses an embedded provider after it started opens again the same way
 * ({@link #startWindowAgain}).
 */
public final class VectorApiLaunch {

    /** Set on the second JVM, so it can never start a third. */
    static final String RELAUNCHED = "parley.vectorApiLaunched";

    /** Longer than the second JVM's own grace after a signal (5 s), so it is not cut short. */
    private static final long CHILD_GRACE_SECONDS = 6;

    /** The commands that may ask a model; the rest never need the Vector API. */
    private static final Set<String> MODEL_COMMANDS = Set.of("ask", "chat", "turn", "serve", "test");
    /** The options before the command that take a value as the next word ("--log-level debug"). */
    private static final Set<String> ROOT_OPTIONS_WITH_VALUE = Set.of("--config", "--log-level");

    /** Cheap test before parsing the config: a line (not a comment) choosing the embedded type. */
    private static final Pattern EMBEDDED_TYPE = Pattern.compile("(?m)^[^#\\n]*\\btype:\\s*[\"']?embedded\\b");

    private VectorApiLaunch() {}

    /**
     * Runs Parley in a JVM with the Vector API when it needs one and this JVM lacks it.
     *
     * @param window whether these arguments open the window
     * @return the second JVM's exit code, or empty when this JVM should go on itself
     */
    static OptionalInt runIfNeeded(String[] args, boolean window, ParleyPaths paths) {
        if (VectorApi.available() || Boolean.getBoolean(RELAUNCHED) || !(window || asksModel(args))
                || !usesEmbedded(args, paths)) {
            return OptionalInt.empty();
        }
        Path java = javaLauncher(window);
        if (java == null) {
            return OptionalInt.empty(); // the embedded provider then says what is missing when asked
        }
        try {
            Process child = new ProcessBuilder(command(java, List.of(args))).inheritIO().start();
            Thread stopChild = new Thread(() -> stop(child), "parley-stop-relaunched");
            Runtime.getRuntime().addShutdownHook(stopChild); // a signal to this JVM reaches the second one
            int exit = child.waitFor();
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // A signal ended the second JVM: the hook, already running, waits for it.
            }
            return OptionalInt.of(exit);
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }

    /**
     * Starts the window again in a process of its own with the Vector API, and returns without waiting:
     * for a window whose user chose an embedded provider after it started. The caller quits; the new
     * window waits for it to let the window lock go ({@code platform.SingleInstance}).
     *
     * @param args the window's arguments (none, or {@code --config FILE})
     * @param environment added to this process's environment for the new one
     * @throws IOException when this runtime has no java launcher or the process cannot start
     */
    public static void startWindowAgain(List<String> args, Map<String, String> environment) throws IOException {
        windowAgain(args, environment).start();
    }

    static ProcessBuilder windowAgain(List<String> args, Map<String, String> environment) throws IOException {
        Path java = javaLauncher(true);
        if (java == null) {
            throw new IOException("this Java runtime (" + System.getProperty("java.home") + ") has no java launcher");
        }
        ProcessBuilder window = new ProcessBuilder(command(java, args)).inheritIO();
        window.environment().putAll(environment);
        return window;
    }

    /** {@code java} with this JVM's options and class path, the Vector API, Parley's main class and {@code args}. */
    private static List<String> command(Path java, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(secondJvmOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.add("--add-modules=" + VectorApi.MODULE);
        command.add("-D" + RELAUNCHED + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(args);
        return command;
    }

    /**
     * This JVM's options for the second one, without the launchers' JIT settings (C1 only, compiled
     * late): Jlama's Vector API code is fast only when C2 compiles it into vector instructions, and
     * soon (ADR 0020).
     */
    static List<String> secondJvmOptions(List<String> options) {
        return options.stream().filter(option -> !option.startsWith("-XX:TieredStopAtLevel=")
                && !option.startsWith("-XX:CompileThresholdScaling=")).toList();
    }

    /**
     * Passes a signal to this JVM on to the second one and waits for it to close in order (the window
     * saves its place and conversation, within its own 5 s grace), so this JVM does not end first and
     * give the shell back while the second still writes. There this SIGTERM after a Ctrl-C's SIGINT
     * (which reaches both JVMs) counts as the same request ({@code ui.QuitOnSignal}).
     */
    private static void stop(Process child) {
        child.destroy();
        try {
            if (!child.waitFor(CHILD_GRACE_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly(); // past its own grace: stuck
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean asksModel(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (ROOT_OPTIONS_WITH_VALUE.contains(args[i])) {
                i++; // its value is not the command
            } else if (!args[i].startsWith("-")) {
                return MODEL_COMMANDS.contains(args[i]); // the first word that is not an option is the command
            }
        }
        return false;
    }

    static boolean usesEmbedded(String[] args, ParleyPaths paths) {
        Path configFile = optionValue(args, "--config").map(Path::of).orElse(null);
        Path text = configFile != null ? configFile : paths.userConfigFile();
        try {
            if (Files.exists(text)) {
                // Only a regular file of config size is read here: a pipe would be used up before the
                // command reads it, and a device or a huge file is the command's to refuse.
                if (!Files.isRegularFile(text) || Files.size(text) > ConfigLoader.MAX_CONFIG_BYTES) {
                    return false;
                }
                if (!EMBEDDED_TYPE.matcher(Files.readString(text)).find()) {
                    return false; // most starts: no need to parse the config here
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return false; // the command itself reports a config it cannot read
        }
        ParleyConfig config;
        try {
            config = new ConfigLoader().load(configFile, paths);
        } catch (RuntimeException invalid) {
            return false;
        }
        LlmConfig llm = config.llm();
        List<String> chain = new ArrayList<>();
        chain.add(optionValue(args, "--provider").orElse(llm.active()));
        chain.addAll(llm.fallback());
        return chain.stream().map(llm.providers()::get)
                .anyMatch(provider -> provider != null && provider.type() == ProviderType.EMBEDDED);
    }

    private static java.util.Optional<String> optionValue(String[] args, String name) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) {
                return java.util.Optional.of(args[i + 1]);
            }
            if (args[i].startsWith(name + "=")) {
                return java.util.Optional.of(args[i].substring(name.length() + 1));
            }
        }
        return java.util.Optional.empty();
    }

    /** This runtime's java launcher (for the window on Windows javaw: no console), or null if it has none. */
    private static Path javaLauncher(boolean window) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        List<String> names = !windows ? List.of("java") : window ? List.of("javaw.exe", "java.exe") : List.of("java.exe");
        for (String name : names) {
            if (Files.isExecutable(bin.resolve(name))) {
                return bin.resolve(name);
            }
        }
        return null;
    }
}
