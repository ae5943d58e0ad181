package dev.parley.llm;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Ends a process we started together with everything it started. Destroying only the process leaves
 * its children running, re-parented and forgotten: a command like {@code sh -c 'server | filter'} or
 * {@code npx server} would outlive Parley.
 */
final class ProcessTrees {

    /** How long the processes get to exit on SIGTERM before they are killed. */
    private static final long GRACE_MILLIS = 2_000;

    private ProcessTrees() {}

    /**
     * The process and its descendants as they are now; take this before ending the process, since its
     * children stop being its descendants once it is gone.
     */
    static List<ProcessHandle> of(Process process) {
        return Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
    }

    /** Asks every process of {@code tree} to exit, and kills those still running after a grace period. */
    static void end(List<ProcessHandle> tree) {
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        for (ProcessHandle process : tree) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException stillRunning) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tree.forEach(ProcessHandle::destroyForcibly);
                return;
            }
        }
    }
}
