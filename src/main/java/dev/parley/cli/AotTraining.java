package dev.parley.cli;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.config.ParleyPaths;
import dev.parley.firstrun.FirstRun;
import dev.parley.ui.Desktop;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import sun.misc.Signal;

/**
 * The training run of the app-image's ahead-of-time cache (JDK 25 {@code -XX:AOTCacheOutput}, made by
 * the {@code package} profile in the pom): what a start of Parley loads and links, done once at
 * package time so each start maps it instead. It runs the commands a user runs, offline: the version,
 * the help, a sentence spoken by the voice into a WAV file and a whole voice turn on it (the speech
 * model, the voice, the LangChain4j client over HTTP to a scripted local model); it loads, without
 * running them, the classes a start of the window loads (for a GPU's pipeline too, which the
 * packaging machine may not have); and, given a display ({@value #TRAIN_WINDOW}, set by
 * packaging/aot-training under a private Xvfb), it starts the window itself until its first-turn
 * warm-up is done, then closes it as a session's end does (SIGTERM). Only a window that ran leaves
 * in the cache the lambdas, call sites and AWT classes its start links: ~1,700 classes a start
 * otherwise makes or loads itself (docs/decisions/0016).
 *
 * <p>Needs {@code parley.config.dir}, {@code parley.data.dir} and {@code parley.log.dir} pointing at a
 * throwaway folder: the run must not touch the packager's own Parley.
 */
public final class AotTraining {

    private static final List<String> WINDOW_JARS = List.of("parley", "javafx-", "atlantafx-");
    /**
     * A file naming the window's classes, one per line, as a real start of the window loads them
     * (packaging/aot-window-classes); without it every class of {@link #WINDOW_JARS} is loaded, which
     * makes the cache larger by the ~3,300 classes a start never uses.
     */
    private static final String WINDOW_CLASS_LIST = "parley.aot.windowClasses";

    /** System property: "true" to train a start of the window too (needs a display). */
    private static final String TRAIN_WINDOW = "parley.aot.window";
    /** The window is closed after its warm-up, or after this long whatever it did. */
    private static final Duration WINDOW_LIMIT = Duration.ofSeconds(90);
    /** Log lines that end the warm-up after Ready, logged by FirstTurnWarmUp. */
    private static final List<String> WARMED = List.of("First turn warmed", "Warm-up stopped");

    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        Path work = Files.createTempDirectory("parley-aot-training");
        try (ScriptedLlmServer model = new ScriptedLlmServer(Protocol.OLLAMA,
                Reply.of("It is ", "sunny and ", "twenty degrees ", "today. ", "Enjoy the ", "weather!"))) {
            run("--version");
            run("--help");
            Path question = work.resolve("question.wav");
            run("say", "--out", question.toString(), "What is the weather like today?");
            run("turn", "--in", question.toString(), "--out", work.resolve("answer.wav").toString(),
                    "--provider", "ollama", "--model", "scripted", "--base-url", model.baseUrl());
        }
        int loaded = loadWindowClasses();
        System.out.println("AOT training: commands ran, " + loaded + " window classes loaded");
        if (Boolean.getBoolean(TRAIN_WINDOW)) {
            trainWindow();
        }
    }

    /** Opens the window with a fresh config; it closes itself when warm, and the JVM exits with it. */
    private static void trainWindow() throws IOException {
        ParleyPaths paths = ParleyPaths.fromEnvironment();
        new FirstRun(paths).markDone(); // the main window, not the welcome
        Path log = Path.of(System.getProperty("parley.log.dir"), "parley.log");
        Thread.ofPlatform().daemon().name("aot-training-window-closer").start(() -> closeWhenWarm(log));
        System.out.println("AOT training: starting the window");
        if (Desktop.run(null) != 0) { // it said why; the cache still holds what ran before
            System.err.println("AOT training: the window's start is not in the cache");
        }
    }

    private static void closeWhenWarm(Path log) {
        long deadline = System.nanoTime() + WINDOW_LIMIT.toNanos();
        try {
            while (!warmed(log)) {
                if (System.nanoTime() > deadline) {
                    System.err.println("AOT training: the window did not finish its warm-up within "
                            + WINDOW_LIMIT.toSeconds() + " s; closing it (the cache keeps what ran)");
                    break;
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
        Signal.raise(new Signal("TERM")); // the window closes as when a session ends (ui.QuitOnSignal)
    }

    private static boolean warmed(Path log) {
        try {
            String text = Files.readString(log);
            return WARMED.stream().anyMatch(text::contains);
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void run(String... args) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        int exit = Cli.run(args, new ByteArrayInputStream(new byte[0]), discard, System.err);
        if (exit != 0) {
            throw new IllegalStateException("AOT training: parley " + String.join(" ", args) + " exited with " + exit);
        }
    }

    private static int loadWindowClasses() throws IOException {
        String listed = System.getProperty(WINDOW_CLASS_LIST);
        if (listed != null) {
            return load(Files.readAllLines(Path.of(listed)).stream().map(String::strip)
                    .filter(name -> !name.isEmpty() && !name.startsWith("#")).toList());
        }
        List<String> classNames = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (!name.endsWith(".jar") || WINDOW_JARS.stream().noneMatch(name::startsWith)) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                jar.stream().map(e -> e.getName())
                        .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.contains("module-info"))
                        .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                        .forEach(classNames::add);
            }
        }
        return load(classNames);
    }

    private static int load(List<String> classNames) {
        int loaded = 0;
        ClassLoader loader = AotTraining.class.getClassLoader();
        for (String className : classNames) {
            try {
                Class.forName(className, false, loader); // loaded and cached, never initialized
                loaded++;
            } catch (LinkageError | ClassNotFoundException notLoadable) {
                // a class for another platform or an optional library, or one a list names that this
                // build no longer has: one less in the cache
            }
        }
        return loaded;
    }
}
