package dev.parley.cli;

import dev.parley.Components;
import dev.parley.audio.Microphone;
import dev.parley.audio.Recording;
import dev.parley.stt.RecognitionStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "listen", mixinStandardHelpOptions = true,
        description = {"Test the microphone: a live level meter and the words heard so far, then the transcript.",
                "The meter and the words so far go to stderr, the transcript to stdout. Stops after --seconds or"
                        + " when Enter is pressed."})
final class ListenCommand extends ParleySubcommand {

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "5",
            description = "How long to listen (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--device", paramLabel = "NAME",
            description = "Part of the input device's name (default: audio.input-device, else the system default).")
    String device;

    @Override
    public Integer call() throws InterruptedException {
        OptionChecks.within(spec, "--seconds", seconds, 0.1, 3600);
        PrintWriter out = out();
        PrintWriter err = err();
        try (Components components = parley.components()) {
            LevelDisplay display = new LevelDisplay(err, System.console() != null);
            try (Microphone microphone = components.openMicrophone(device, display);
                    RecognitionStream stream = components.recognizer().stream()) {
                CountDownLatch enter = enterPressed();
                Recording recording = microphone.startRecording(block -> {
                    stream.accept(block);
                    display.words(stream.partial());
                });
                display.note(String.format("Listening to %2$s for %1$s s; press Enter to stop.", seconds(),
                        microphone.deviceName()));
                enter.await((long) (seconds * 1000), TimeUnit.MILLISECONDS);
                recording.stop();
                String text = stream.finish();
                display.finish();
                out.println(text);
                out.flush();
                if (text.isEmpty()) {
                    err.println("parley: nothing recognized; speak closer to the microphone, or check the level above");
                }
            }
        }
        return 0;
    }

    private String seconds() {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }

    /** Counts down when a line is read from stdin; end of input (no keyboard) never does. */
    private CountDownLatch enterPressed() {
        CountDownLatch latch = new CountDownLatch(1);
        Thread.ofVirtual().name("listen-enter").start(() -> {
            try {
                if (stdinLines().readLine() != null) {
                    latch.countDown();
                }
            } catch (IOException e) {
                // No usable stdin: stop by time only.
            }
        });
        return latch;
    }
}
