package dev.parley.testing;

/** System properties a test sets for itself and puts back afterwards. */
public final class TestProperties {

    private TestProperties() {}

    /** Sets {@code key} to {@code value}; running the returned action restores what it was (or clears it). */
    public static Runnable set(String key, Object value) {
        String previous = System.getProperty(key);
        System.setProperty(key, value.toString());
        return () -> {
            if (previous == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, previous);
            }
        };
    }
}
