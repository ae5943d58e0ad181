package dev.parley.audio;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/** Measures what the microphone's capture thread costs. */
final class CaptureCost {

    private CaptureCost() {
    }

    /** CPU time of the thread named parley-microphone over {@code period}, as a share of one core. */
    static double cpuShareOfCaptureThread(Duration period) throws InterruptedException {
        Thread capture = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("parley-microphone")).findFirst().orElseThrow();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getThreadCpuTime(capture.threadId());
        long start = System.nanoTime();
        Thread.sleep(period.toMillis());
        long cpu = threads.getThreadCpuTime(capture.threadId()) - cpuBefore;
        return cpu / (double) (System.nanoTime() - start);
    }
}
