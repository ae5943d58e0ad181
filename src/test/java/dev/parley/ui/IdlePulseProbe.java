package dev.parley.ui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Run by {@link IdlePulseTest} in a JVM of its own on a real GTK display: shows a label, lets the
 * pulse timer pause ({@link IdlePulse}), and prints what an idle window, a change made from another
 * thread and an animation then get, as {@code key=value} lines.
 */
public final class IdlePulseProbe {

    private IdlePulseProbe() {}

    public static void main(String[] args) throws Exception {
        AtomicInteger pulses = new AtomicInteger();
        AtomicReference<Label> label = new AtomicReference<>();
        AtomicReference<Boolean> installed = new AtomicReference<>();
        CountDownLatch shown = new CountDownLatch(1);
        Platform.startup(() -> {
            Label text = new Label("idle");
            Scene scene = new Scene(text, 200, 80);
            scene.addPostLayoutPulseListener(pulses::incrementAndGet);
            label.set(text);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.setOnShown(event -> shown.countDown());
            stage.show();
        });
        shown.await(20, TimeUnit.SECONDS);
        // As ParleyApp does: once the window is shown, the toolkit's timer running.
        CountDownLatch wrapped = new CountDownLatch(1);
        Platform.runLater(() -> {
            installed.set(IdlePulse.letPause());
            wrapped.countDown();
        });
        wrapped.await(5, TimeUnit.SECONDS);
        System.out.println("installed=" + installed.get());

        Thread.sleep(1000); // JavaFX asks to pause after 250 ms without anything to draw
        System.out.println("paused-when-idle=" + paused());

        Platform.runLater(() -> label.get().setText("changed")); // as a model thread's update arrives
        Thread.sleep(400);
        CountDownLatch read = new CountDownLatch(1);
        Platform.runLater(() -> {
            Text drawn = (Text) label.get().lookup(".text"); // the skin's text, set by a pulse's layout
            System.out.println("drawn-text=" + (drawn == null ? "" : drawn.getText()));
            read.countDown();
        });
        read.await(5, TimeUnit.SECONDS);

        Thread.sleep(1000); // paused again
        int beforeAnimation = pulses.get();
        Platform.runLater(() -> new Timeline(new KeyFrame(Duration.millis(500),
                new KeyValue(label.get().opacityProperty(), 0.2))).play());
        Thread.sleep(500);
        System.out.println("animation-pulses-in-500-ms=" + (pulses.get() - beforeAnimation));
        Thread.sleep(1000); // the animation ended 500 ms ago
        System.out.println("paused-after-animation=" + paused());
        Platform.exit();
    }

    /** The toolkit's own view of its timer, read as JavaFX itself does, on its thread. */
    private static boolean paused() throws Exception {
        AtomicReference<Object> timer = new AtomicReference<>();
        CountDownLatch read = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                Object toolkit = com.sun.javafx.tk.Toolkit.getToolkit();
                java.lang.reflect.Field field = toolkit.getClass().getDeclaredField("pulseTimer");
                field.setAccessible(true);
                timer.set(field.get(toolkit));
            } catch (ReflectiveOperationException e) {
                timer.set(e);
            }
            read.countDown();
        });
        read.await(5, TimeUnit.SECONDS);
        return timer.get() instanceof IdlePulse.PausingTimer pausing && pausing.paused();
    }
}
