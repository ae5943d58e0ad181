package dev.parley.ui.system;

import com.github.kwhat.jnativehook.GlobalScreen;
import com.github.kwhat.jnativehook.NativeHookException;
import com.github.kwhat.jnativehook.NativeInputEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyListener;
import dev.parley.config.KeyChord;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link GlobalKeys} on JNativeHook: X11 on Linux (Wayland lets no application read other windows'
 * keys), the native APIs on macOS and Windows. The platform is checked before the library is
 * touched, so a session without X11 is refused with a reason instead of the library's own errors.
 */
public final class NativeHookKeys implements GlobalKeys {

    /** JNativeHook logs every hook start and key at INFO through java.util.logging; held so the level stays. */
    private static final Logger LIBRARY_LOG = Logger.getLogger("com.github.kwhat.jnativehook");

    /** Names of {@link KeyChord#KEYS} by JNativeHook's key code. */
    static final Map<Integer, String> NAMES = names();

    private final Map<String, String> environment;
    private final String osName;

    public NativeHookKeys() {
        this(System.getenv(), System.getProperty("os.name", ""));
    }

    NativeHookKeys(Map<String, String> environment, String osName) {
        this.environment = environment;
        this.osName = osName;
    }

    @Override
    public Hook start(Consumer<GlobalKeyEvent> listener) {
        platformProblem(environment, osName).ifPresent(reason -> {
            throw new GlobalKeysRefused(reason);
        });
        LIBRARY_LOG.setLevel(Level.WARNING);
        NativeKeyListener keys = new NativeKeyListener() {
            @Override
            public void nativeKeyPressed(NativeKeyEvent event) {
                listener.accept(translate(event, true));
            }

            @Override
            public void nativeKeyReleased(NativeKeyEvent event) {
                listener.accept(translate(event, false));
            }
        };
        try {
            GlobalScreen.registerNativeHook();
        } catch (NativeHookException | LinkageError | RuntimeException failed) {
            // LinkageError: the natives did not load (no build for this CPU, a read-only temp folder).
            throw new GlobalKeysRefused("the key hook could not start (" + failed.getMessage() + ")", failed);
        }
        GlobalScreen.addNativeKeyListener(keys);
        return () -> {
            GlobalScreen.removeNativeKeyListener(keys);
            try {
                GlobalScreen.unregisterNativeHook();
            } catch (NativeHookException | RuntimeException e) {
                LIBRARY_LOG.log(Level.WARNING, "Could not stop the key hook", e);
            }
        };
    }

    /** Why this session cannot have a global key, or empty when it can. */
    static Optional<String> platformProblem(Map<String, String> environment, String osName) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        if ("wayland".equalsIgnoreCase(environment.getOrDefault("XDG_SESSION_TYPE", ""))
                || !environment.getOrDefault("WAYLAND_DISPLAY", "").isBlank()) {
            return Optional.of("this is a Wayland session, which lets no application hear keys pressed in other"
                    + " windows (an X11 session can)");
        }
        if (environment.getOrDefault("DISPLAY", "").isBlank()) {
            return Optional.of("there is no X11 display (DISPLAY is not set)");
        }
        return Optional.empty();
    }

    static GlobalKeyEvent translate(NativeKeyEvent event, boolean pressed) {
        Set<KeyChord.Modifier> modifiers = EnumSet.noneOf(KeyChord.Modifier.class);
        int mask = event.getModifiers();
        if ((mask & NativeInputEvent.CTRL_MASK) != 0) {
            modifiers.add(KeyChord.Modifier.CTRL);
        }
        if ((mask & NativeInputEvent.ALT_MASK) != 0) {
            modifiers.add(KeyChord.Modifier.ALT);
        }
        if ((mask & NativeInputEvent.SHIFT_MASK) != 0) {
            modifiers.add(KeyChord.Modifier.SHIFT);
        }
        if ((mask & NativeInputEvent.META_MASK) != 0) {
            modifiers.add(KeyChord.Modifier.META);
        }
        return new GlobalKeyEvent(NAMES.getOrDefault(event.getKeyCode(), ""), modifiers, pressed);
    }

    /** JNativeHook names its key codes VC_ plus the same name, but for Backspace. */
    private static Map<Integer, String> names() {
        Map<Integer, String> names = new HashMap<>();
        for (String key : KeyChord.KEYS) {
            try {
                names.put(NativeKeyEvent.class.getField("VC_" + key.replace("BACK_SPACE", "BACKSPACE")).getInt(null), key);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("JNativeHook has no key code for " + key, e);
            }
        }
        return Map.copyOf(names);
    }
}
