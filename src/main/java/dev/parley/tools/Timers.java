package dev.parley.tools;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@code set_timer} and {@code list_timers}: timers that announce themselves when done. With a
 * {@link PendingTimers} file, a long-running Parley's timers outlive it: {@link #resume}, called at
 * its start, tells the ones that went off while Parley was closed, once, runs the rest to their end,
 * and from then on keeps each new timer in the file until it is told. A one-shot command never
 * calls it, so its timers end with it and never surprise a later start.
 */
public final class Timers implements AutoCloseable {

    /** Longer than a day is a reminder, not a kitchen timer. */
    static final long MAX_SECONDS = Duration.ofHours(24).toSeconds();
    /** More at once is no kitchen, and a model calling set_timer in a loop must not flood the scheduler. */
    static final int MAX_RUNNING = 20;
    /** A label is said aloud when the timer is done: a few words. */
    static final int MAX_LABEL_CHARS = 100;

    private static final Logger LOG = LogManager.getLogger(Timers.class);

    private record Active(String id, String label, long seconds, Instant due) {}

    private final TimerAnnouncer announcer;
    private final Clock clock;
    /** Where running timers are kept for the next start; null keeps them in this process only. */
    private final PendingTimers pending;
    /** Set by {@link #resume}: from then on timers are kept in {@link #pending}. */
    private volatile boolean kept;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Active> active = new ConcurrentHashMap<>();

    /** Timers that end with the process. */
    public Timers(TimerAnnouncer announcer, Clock clock) {
        this(announcer, clock, null);
    }

    /** Timers kept in {@code pending} until they are told; {@link #resume} takes over earlier ones. */
    public Timers(TimerAnnouncer announcer, Clock clock, PendingTimers pending) {
        this.announcer = announcer;
        this.clock = clock;
        this.pending = pending;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parley-timers");
            thread.setDaemon(true); // a pending timer must not keep the CLI from exiting
            return thread;
        });
    }

    /**
     * The label as said and shown when the timer is done: models write "**tea**", "`tea`" or "_tea_" in a tool
     * call as in a reply, but an announcement is plain text, whose voice would say the stars.
     */
    private static String plainLabel(String label) {
        // Underscores only around words ("_al dente_"): one inside a word ("tea_time") is part of it.
        String name = label == null ? "" : label.replaceAll("[*`]+|(?<!\\w)_+|_+(?!\\w)", "")
                .replaceAll("^[#\\s]+", "").strip();
        return name.isEmpty() ? "timer" : name;
    }

    /**
     * Schedules a timer; the seconds are whole and between 1 and 24 hours, the label at most 100
     * characters, and at most 20 timers run at once.
     */
    public synchronized String set(long seconds, String label) {
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new ToolException("a timer must run between 1 second and 24 hours (" + MAX_SECONDS
                    + " seconds), not " + seconds + " seconds");
        }
        String name = plainLabel(label);
        if (name.length() > MAX_LABEL_CHARS) {
            throw new ToolException("the label is " + name.length() + " characters long; a timer's label may have"
                    + " at most " + MAX_LABEL_CHARS + ", a few words said when it is done");
        }
        if (active.size() >= MAX_RUNNING) {
            throw new ToolException(MAX_RUNNING + " timers are already running, the most there may be; set no more"
                    + " until one is done, and tell the user");
        }
        Active timer = new Active(UUID.randomUUID().toString(), name, seconds, clock.instant().plusSeconds(seconds));
        if (kept) {
            keep(timer);
        }
        arm(timer);
        return "Timer '" + name + "' set for " + spoken(seconds) + ".";
    }

    /**
     * Takes over the timers a closed Parley left in the file: tells each one that went off meanwhile
     * (oldest first) and runs the others for the time they have left. Call it once the announcer
     * can reach the user. Does nothing without a file.
     */
    public synchronized void resume() {
        if (pending == null) {
            return;
        }
        kept = true;
        // Set before this (a question typed while the window's start-up loads ran): kept from now on too.
        active.values().forEach(this::keep);
        Instant now = clock.instant();
        List<PendingTimers.Entry> taken = new ArrayList<>(pending.takeOrphans(now));
        taken.sort(Comparator.comparing(PendingTimers.Entry::due));
        // A file of thousands (damaged, or written by something else) told every one aloud at each start, and
        // armed them all to go off together: no more are told, nor run, than one Parley may run at once.
        long missed = taken.stream().filter(entry -> !entry.due().isAfter(now)).count();
        long toldFrom = Math.max(0, missed - MAX_RUNNING); // the latest ones, the likeliest still wanted
        List<String> leftOut = new ArrayList<>();
        List<String> forgotten = new ArrayList<>(); // with leftOut, removed from the file in one write
        for (int index = 0; index < taken.size(); index++) {
            PendingTimers.Entry entry = taken.get(index);
            if (active.containsKey(entry.id())) {
                continue; // running here already
            }
            if (index < toldFrom || entry.due().isAfter(now) && active.size() >= MAX_RUNNING) {
                leftOut.add(entry.id());
                continue;
            }
            if (entry.due().isAfter(now.plusSeconds(MAX_SECONDS))) {
                // No timer runs longer than a day: a damaged file, or the clock set back by more than one.
                LOG.warn("The timer '{}' is due at {}, more than a day from now; it is left out", entry.label(),
                        entry.due());
                forgotten.add(entry.id());
                continue;
            }
            if (entry.due().isAfter(now)) {
                arm(new Active(entry.id(), entry.label(), entry.seconds(), entry.due()));
            } else {
                announcer.timerDone(new FinishedTimer(entry.label(), entry.seconds(), entry.due(), true));
            }
        }
        if (!leftOut.isEmpty()) {
            LOG.warn("{} of the {} timers in {} were left out: at most {} are told or run at a start", leftOut.size(),
                    taken.size(), pending.file(), MAX_RUNNING);
            forgotten.addAll(leftOut);
        }
        if (!forgotten.isEmpty()) {
            pending.removeAll(forgotten);
        }
    }

    /** Writes {@code timer} to the file, for the next start should this Parley close first. */
    private void keep(Active timer) {
        pending.add(new PendingTimers.Entry(timer.id(), timer.label(), timer.seconds(), timer.due(), pending.self()));
    }

    private void arm(Active timer) {
        active.put(timer.id(), timer);
        long delayMs = Math.max(0, Duration.between(clock.instant(), timer.due()).toMillis());
        scheduler.schedule(() -> {
            active.remove(timer.id());
            if (kept) {
                pending.remove(timer.id());
            }
            announcer.timerDone(new FinishedTimer(timer.label(), timer.seconds(), timer.due(), false));
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    /** The timers still running, soonest first, with the time left. */
    public String list() {
        List<Active> running = new ArrayList<>(active.values());
        if (running.isEmpty()) {
            return "No timers are running.";
        }
        running.sort(Comparator.comparing(Active::due));
        Instant now = clock.instant();
        List<String> lines = running.stream().map(timer -> "'" + timer.label() + "': "
                + spoken(Math.max(0, Duration.between(now, timer.due()).toSeconds())) + " left").toList();
        return String.join("; ", lines);
    }

    /** "1 hour 5 minutes 3 seconds" */
    static String spoken(long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        List<String> parts = new ArrayList<>();
        if (hours > 0) {
            parts.add(hours + (hours == 1 ? " hour" : " hours"));
        }
        if (minutes > 0) {
            parts.add(minutes + (minutes == 1 ? " minute" : " minutes"));
        }
        if (rest > 0 || parts.isEmpty()) {
            parts.add(rest + (rest == 1 ? " second" : " seconds"));
        }
        return String.join(" ", parts);
    }

    /** The {@code set_timer} tool. */
    public Tool setTimerTool() {
        return new Tool() {
            @Override
            public String name() {
                return "set_timer";
            }

            @Override
            public String description() {
                return "Sets a timer; the user is told when it is done. At most 24 hours.";
            }

            @Override
            public List<ToolParameter> parameters() {
                return List.of(
                        ToolParameter.required("seconds", ToolParameter.Type.INTEGER, "How long, in seconds"),
                        ToolParameter.optional("label", ToolParameter.Type.STRING, "What the timer is for, e.g. tea"));
            }

            @Override
            public String execute(ToolArguments arguments) {
                long seconds;
                try {
                    seconds = arguments.number("seconds").setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
                } catch (ArithmeticException e) {
                    String given = arguments.text("seconds").strip();
                    throw new ToolException("a timer must run between 1 second and 24 hours (" + MAX_SECONDS
                            + " seconds), not " + (given.length() <= 30 ? given : given.substring(0, 27) + "...")
                            + " seconds");
                }
                return set(seconds, arguments.optionalText("label"));
            }
        };
    }

    /** The {@code list_timers} tool. */
    public Tool listTimersTool() {
        return new Tool() {
            @Override
            public String name() {
                return "list_timers";
            }

            @Override
            public String description() {
                return "Lists the timers still running and the time left on each.";
            }

            @Override
            public List<ToolParameter> parameters() {
                return List.of();
            }

            @Override
            public String execute(ToolArguments arguments) {
                return list();
            }
        };
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
