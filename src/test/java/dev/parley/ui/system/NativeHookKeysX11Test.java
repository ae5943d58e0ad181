package dev.parley.ui.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.kwhat.jnativehook.GlobalScreen;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real hook on a real X server: F8 pressed and released through XTest arrives as Parley's own
 * events, and closing the hook unregisters it. Needs an X11 display, so run it under Xvfb:
 * {@code xvfb-run -a ./mvnw -o test-compile failsafe:integration-test -Dit.test=NativeHookKeysX11Test};
 * skipped without one. (Under Xvfb JNativeHook logs "XTestFakeKeyEvent() failed!" for each posted key
 * although the key arrives.)
 */
@Tag("ui")
class NativeHookKeysX11Test {

    @Test
    void aKeyHeldAndReleasedOnTheDisplayArrivesNamedAndTheHookStopsOnClose() throws Exception {
        assumeTrue(NativeHookKeys.platformProblem(System.getenv(), System.getProperty("os.name")).isEmpty(),
                "needs an X11 display (run under xvfb-run)");
        BlockingQueue<GlobalKeyEvent> heard = new LinkedBlockingQueue<>();
        GlobalKeys.Hook hook = new NativeHookKeys().start(heard::add);
        try {
            post(NativeKeyEvent.NATIVE_KEY_PRESSED);
            post(NativeKeyEvent.NATIVE_KEY_RELEASED);

            assertThat(next(heard)).isEqualTo(new GlobalKeyEvent("F8", Set.of(), true));
            assertThat(next(heard)).isEqualTo(new GlobalKeyEvent("F8", Set.of(), false));
        } finally {
            hook.close();
        }
        assertThat(GlobalScreen.isNativeHookRegistered()).as("unregistered, so the JVM can end").isFalse();
    }

    private static void post(int type) {
        GlobalScreen.postNativeEvent(new NativeKeyEvent(type, 0, 0, NativeKeyEvent.VC_F8, NativeKeyEvent.CHAR_UNDEFINED));
    }

    /** The next F8 event, waiting up to 5 s; other keys on the display are skipped. */
    private static GlobalKeyEvent next(BlockingQueue<GlobalKeyEvent> heard) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            GlobalKeyEvent event = heard.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event != null && event.key().equals("F8")) {
                return event;
            }
        }
        return null;
    }
}
