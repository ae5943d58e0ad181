package dev.parley.tools;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code set_timer} and {@code list_timers}: timers that announce themselves when done. They live
 * as long as the process; a timer is not worth persisting across restarts.
 */
public final class Timers implements AutoCloseable {

    /** Longer than a day is a reminder, not a kitchen timer. */
    static final long MAX_SECONDS = Duration.ofHours(24).toSeconds();
    /** More at once is no kitchen, and a model calling set_timer in a loop must not flood the scheduler. */
    static final int MAX_RUNNING = 20;
    /** A label is said aloud when the timer is done: a few words. */
    static final int MAX_LABEL_CHARS = 100;

    private record Active(int id, String label, Instant due) {}

    private final TimerAnnouncer announcer;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Map<Integer, Active> active = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    public Timers(TimerAnnouncer announcer, Clock clock) {
        this.announcer = announcer;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parley-timers");
            thread.setDaemon(true); // a pending timer must not keep the CLI from exiting
            return thread;
        });
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
        String name = label == null || label.isBlank() ? "timer" : label.strip();
        if (name.length() > MAX_LABEL_CHARS) {
            throw new ToolException("the label is " + name.length() + " characters long; a timer's label may have"
                    + " at most " + MAX_LABEL_CHARS + ", a few words said when it is done");
        }
        if (active.size() >= MAX_RUNNING) {
            throw new ToolException(MAX_RUNNING + " timers are already running, the most there may be; set no more"
                    + " until one is done, and tell the user");
        }
        int id = ids.incrementAndGet();
        active.put(id, new Active(id, name, clock.instant().plusSeconds(seconds)));
        scheduler.schedule(() -> {
            active.remove(id);
            announcer.timerDone(name);
        }, seconds, TimeUnit.SECONDS);
        return "Timer '" + name + "' set for " + spoken(seconds) + ".";
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
