package dev.parley;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Walking exception cause chains, which libraries wrap several layers deep (and sometimes in a loop). */
public final class Throwables {

    private Throwables() {}

    /** {@code error} and its causes, outermost first; a chain that loops is cut where it repeats. */
    public static List<Throwable> causes(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = error; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    /** The outermost of {@code error} and its causes that is a {@code type}, if any. */
    public static <T extends Throwable> Optional<T> causeOf(Throwable error, Class<T> type) {
        return causes(error).stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The innermost cause: usually the one whose message says what really happened. */
    public static Throwable rootCause(Throwable error) {
        return causes(error).getLast();
    }
}
