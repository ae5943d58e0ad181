package dev.parley.testing;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The threads of this JVM by name, virtual ones included: {@code Thread.getAllStackTraces()} lists
 * platform threads only, so a test of a virtual thread's end would pass whether or not it ended.
 */
public final class LiveThreads {

    private LiveThreads() {}

    /** Whether a live thread, platform or virtual, is named exactly {@code name}. */
    public static boolean anyNamed(String name) {
        try {
            Path folder = Files.createTempDirectory("parley-threads");
            Path dump = folder.resolve("threads.txt"); // the MXBean refuses a file that exists
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(dump.toString(), ThreadDumpFormat.TEXT_PLAIN);
                return Files.readAllLines(dump).stream().anyMatch(line -> line.contains(" \"" + name + "\" "));
            } finally {
                Files.deleteIfExists(dump);
                Files.delete(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
