package dev.parley.platform;

import java.util.List;
import java.util.Locale;

/**
 * Where JNA looks for a system library named without a folder ({@code Native.load("c", ...)} in
 * {@link ProcessEnvironment}), told before JNA's first use. Left to itself, JNA runs
 * {@code /sbin/ldconfig -p} once per process to list the folders of every library the system knows,
 * a child process costing ~25 ms on the window's critical path: the window's first native call sets
 * GDK's variables before the display opens. The folders given instead are the ones JNA adds itself
 * before ldconfig's, and {@code /usr/local/lib}. A library elsewhere is still found by its file
 * name (dlopen reads the system's library cache), and Vosk's library by {@code jna.library.path}.
 */
public final class NativeLibraryFolders {

    /** JNA's own system property: when set, JNA neither computes its folders nor runs ldconfig. */
    static final String PROPERTY = "jna.platform.library.path";

    private NativeLibraryFolders() {}

    /** On Linux, names the folders unless the user did ({@code -Djna.platform.library.path}). */
    public static void nameUnlessNamed() {
        if (ProcessEnvironment.isLinux() && System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, String.join(":", linux(System.getProperty("os.arch", ""))));
        }
    }

    /** The folders for a Linux on {@code osArch}: its multiarch ones (Debian, Ubuntu), lib64 (Fedora), lib. */
    static List<String> linux(String osArch) {
        String cpu = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "x86", "i386", "i686" -> "i386";
            case "arm64", "aarch64" -> "aarch64";
            default -> osArch;
        };
        String multiarch = cpu + "-linux-gnu";
        return List.of("/usr/lib/" + multiarch, "/lib/" + multiarch, "/usr/lib64", "/lib64", "/usr/lib", "/lib",
                "/usr/local/lib");
    }
}
