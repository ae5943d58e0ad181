package dev.parley.llm;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Ends a process we started together with everything it started. Destroying only the process leaves
 * its children running, re-parented and forgotten: a command like {@code sh -c 'server | filter'} or
 * {@code npx server} would outlive Parley.
 */
final class ProcessTrees {

    /** How long the processes get to exit on SIGTERM before they are killed. */
    private static final long GRACE_MILLIS = 2_000;
    /** How often the processes are looked at during the grace period. */
    private static final long POLL_MILLIS = 20;

    private ProcessTrees() {}

    /**
     * The process and then its descendants as they are now; take this before ending the process, since
     * its children stop being its descendants once it is gone. The process comes first so that it is
     * asked to exit first: a shell whose running child ends first goes on to its next command, starting
     * a process no list holds (and that holds the program's pipes open).
     */
    static List<ProcessHandle> of(Process process) {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
    }

    /**
     * Asks every process of {@code tree} to exit, and kills those still running after a grace period.
     * It watches them with {@link ProcessHandle#isAlive}, not {@code onExit()}: that adds a stage on the
     * common pool to the JDK's exit handling of a process we started (see {@code StdioMcpServer}).
     */
    static void end(List<ProcessHandle> tree) {
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        try {
            while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
