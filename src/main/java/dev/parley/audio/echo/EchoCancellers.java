package dev.parley.audio.echo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Builds the microphone's {@link EchoCanceller} from the options: the WebRTC module when any
 * processing is asked for and its native library loads, else the pass-through. A library that does
 * not load (a missing system library, a platform without natives) is explained once in the log, with
 * the fix, and Parley stays half duplex as before; it never fails the start.
 */
public final class EchoCancellers {

    private static final Logger LOG = LogManager.getLogger(EchoCancellers.class);

    /** The shared libraries webrtc-java's native links against, and the Debian/Ubuntu package of each. */
    private static final Map<String, String> SYSTEM_LIBRARIES = systemLibraries();
    private static final String APT_INSTALL = "sudo apt-get install " + String.join(" ", SYSTEM_LIBRARIES.values());

    private static final AtomicBoolean EXPLAINED = new AtomicBoolean();

    private EchoCancellers() {
    }

    /** The canceller for {@code options}; never fails (see the class comment). */
    public static EchoCanceller create(EchoOptions options) {
        return create(options, WebRtcEchoCanceller::new);
    }

    static EchoCanceller create(EchoOptions options, Function<EchoOptions, EchoCanceller> nativeCanceller) {
        if (!options.anyProcessing()) {
            return new PassThroughEchoCanceller();
        }
        try {
            EchoCanceller canceller = nativeCanceller.apply(options);
            LOG.info("Microphone processing: {}", canceller.description());
            return canceller;
        } catch (LinkageError | RuntimeException e) {
            String problem = explain(e);
            if (EXPLAINED.compareAndSet(false, true)) {
                LOG.warn(problem);
            }
            LOG.debug("The WebRTC native library failed to load", e);
            return new PassThroughEchoCanceller();
        }
    }

    /**
     * One message saying what is missing and how to fix it. The JVM names the first shared library it
     * could not find ("libXrandr.so.2: cannot open shared object file"); other platforms have no
     * native in the bundled jar at all.
     */
    static String explain(Throwable failure) {
        String details = causes(failure);
        String fallback = " Parley goes on without echo cancellation: in hands-free mode it stops listening while it"
                + " speaks (half duplex).";
        for (Map.Entry<String, String> library : SYSTEM_LIBRARIES.entrySet()) {
            if (details.contains(library.getKey())) {
                return "Echo cancellation is unavailable: the system library " + library.getKey() + " is missing."
                        + " Install it with: " + APT_INSTALL + " (package " + library.getValue() + ")." + fallback;
            }
        }
        String platform = System.getProperty("os.name") + " " + System.getProperty("os.arch");
        if (!platform.toLowerCase(Locale.ROOT).startsWith("linux") || !isX86_64()) {
            return "Echo cancellation is unavailable on " + platform + ": this build of Parley carries the WebRTC"
                    + " native library for Linux x86-64 only." + fallback;
        }
        return "Echo cancellation is unavailable: the WebRTC native library did not load (" + details + ")."
                + " On Debian or Ubuntu it needs: " + APT_INSTALL + "." + fallback;
    }

    private static boolean isX86_64() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) || "x86_64".equals(arch);
    }

    private static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    private static Map<String, String> systemLibraries() {
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("libpulse.so.0", "libpulse0");
        libraries.put("libudev.so.1", "libudev1");
        libraries.put("libX11.so.6", "libx11-6");
        libraries.put("libXfixes.so.3", "libxfixes3");
        libraries.put("libXrandr.so.2", "libxrandr2");
        libraries.put("libXcomposite.so.1", "libxcomposite1");
        libraries.put("libdbus-1.so.3", "libdbus-1-3");
        return libraries;
    }
}
