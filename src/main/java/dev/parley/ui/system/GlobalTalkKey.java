package dev.parley.ui.system;

import dev.parley.config.KeyChord;
import dev.parley.ui.Tasks;
import dev.parley.ui.main.Banner;
import dev.parley.ui.main.Banners;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Push-to-talk from a key held while another application has focus ({@code ui.global-push-to-talk-key}):
 * its press presses talk, its release releases; auto-repeat while held is ignored. Keys arrive on the
 * hook's thread and are handled on the UI thread. Where the platform refuses, one banner and one log
 * line say why; the in-window talk key works either way.
 */
public final class GlobalTalkKey implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(GlobalTalkKey.class);
    static final String BANNER = "global-key";

    private final GlobalKeys keys;
    private final Runnable press;
    private final Runnable release;
    private final Tasks tasks;
    private final Banners banners;
    /** UI-thread state from here on. */
    private String configured = "";
    /** The chord's key, read on the hook's thread: every other key stays there, never queued to the UI. */
    private volatile String chordKey = "";
    private KeyChord chord;
    private GlobalKeys.Hook hook;
    private boolean held;
    /** A start is under way: a key changed meanwhile is served by that hook, not a second one. */
    private boolean starting;
    private boolean closed;

    public GlobalTalkKey(GlobalKeys keys, Runnable press, Runnable release, Tasks tasks, Banners banners) {
        this.keys = keys;
        this.press = press;
        this.release = release;
        this.tasks = tasks;
        this.banners = banners;
    }

    /** Listens for {@code key} (as the config names it; empty: off) from now on, replacing the last one. Call on the UI thread. */
    public void use(String key) {
        String wanted = key == null ? "" : key.strip();
        if (wanted.equals(configured) || closed) {
            return;
        }
        configured = wanted;
        releaseIfHeld();
        try {
            chord = wanted.isEmpty() ? null : KeyChord.parse(wanted);
        } catch (IllegalArgumentException invalid) { // the loader and Settings refuse these; never a crash here
            chord = null;
            banners.show(Banner.warning(BANNER, "The global talk key " + invalid.getMessage() + "."));
        }
        chordKey = chord == null ? "" : chord.key();
        if (chord == null) {
            stopHook();
            if (wanted.isEmpty()) {
                banners.dismiss(BANNER);
            }
            return;
        }
        if (hook != null || starting) {
            return; // the hook reports every key; only the chord changed
        }
        starting = true;
        KeyChord first = chord;
        tasks.run(() -> keys.start(this::heard), started -> {
            starting = false;
            if (closed || chord == null) {
                started.close();
                return;
            }
            hook = started;
            banners.dismiss(BANNER);
            LOG.info("Global talk key {} is listening", chord);
        }, failure -> {
            starting = false;
            refused(first, failure);
        });
    }

    private void refused(KeyChord key, Throwable failure) {
        String why = failure instanceof GlobalKeysRefused ? failure.getMessage() : Tasks.message(failure);
        String message = "The global talk key (" + key + ") does not work here: " + why
                + ". The talk key in Parley's window still works.";
        LOG.warn(message, failure instanceof GlobalKeysRefused ? null : failure);
        banners.show(Banner.warning(BANNER, message));
    }

    /** On the hook's thread: what the user types elsewhere is dropped here unless it is the talk key. */
    private void heard(GlobalKeyEvent event) {
        if (!event.key().isEmpty() && event.key().equals(chordKey)) {
            tasks.onUi(() -> handle(event));
        }
    }

    private void handle(GlobalKeyEvent event) {
        if (chord == null || !event.key().equals(chord.key())) {
            return;
        }
        if (event.pressed()) {
            if (!held && event.modifiers().equals(chord.modifiers())) {
                held = true;
                press.run();
            }
        } else {
            releaseIfHeld(); // whatever modifiers are still down: the key itself came up
        }
    }

    private void releaseIfHeld() {
        if (held) {
            held = false;
            release.run();
        }
    }

    private void stopHook() {
        if (hook != null) {
            hook.close();
            hook = null;
        }
    }

    /** Stops listening and unregisters the native hook, so the JVM can end. Call on the UI thread. */
    @Override
    public void close() {
        closed = true;
        releaseIfHeld();
        stopHook();
    }
}
