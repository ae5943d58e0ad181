package dev.parley.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the process holds at one moment: resident memory and threads as the operating system counts
 * them (native threads and native memory included — MaryTTS, Vosk and the audio stack allocate
 * outside the Java heap), and the Java heap in use. Where {@code /proc} is missing (not Linux) the
 * resident size is -1 and the thread count is the JVM's own.
 *
 * @param turn turns completed when the sample was taken
 * @param rssKb resident set size (VmRSS), kB
 * @param threads threads of the process
 * @param heapUsedKb Java heap in use after a requested garbage collection, kB
 * @param heapCommittedKb Java heap the JVM has taken from the system (part of the resident size), kB
 * @param nonHeapCommittedKb metaspace, code cache and the like, kB
 * @param directKb direct and mapped byte buffers, kB
 */
public record ProcessSample(int turn, long rssKb, int threads, long heapUsedKb, long heapCommittedKb,
        long nonHeapCommittedKb, long directKb) {

    /** Resident memory that is none of the JVM's own pools: native libraries' allocations, thread stacks, malloc arenas. */
    public long otherNativeKb() {
        return rssKb - heapCommittedKb - nonHeapCommittedKb - directKb;
    }

    private static final Path STATUS = Path.of("/proc/self/status");

    /** Asks for a garbage collection first, so the heap figure is what is live, not what is not yet collected. */
    public static ProcessSample take(int turn) {
        System.gc();
        var memory = ManagementFactory.getMemoryMXBean();
        long heapUsed = memory.getHeapMemoryUsage().getUsed() / 1024;
        long heapCommitted = memory.getHeapMemoryUsage().getCommitted() / 1024;
        long nonHeapCommitted = memory.getNonHeapMemoryUsage().getCommitted() / 1024;
        long direct = ManagementFactory.getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class).stream()
                .mapToLong(java.lang.management.BufferPoolMXBean::getMemoryUsed).sum() / 1024;
        long rss = -1;
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException | SecurityException notLinux) {
            // the JVM's own figures above stand
        }
        return new ProcessSample(turn, rss, threads, heapUsed, heapCommitted, nonHeapCommitted, direct);
    }
}
