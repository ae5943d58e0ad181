package dev.parley.llm.embedded;

/**
 * Java's Vector API, which Jlama computes with. It is an incubator module, and the JVM prints
 * "WARNING: Using incubator modules" whenever it is resolved at start, so Parley adds it only when an
 * embedded provider will answer ({@code dev.parley.VectorApiLaunch}); without it Jlama cannot load a
 * model at all.
 */
public final class VectorApi {

    /** The module to add with {@code --add-modules}. */
    public static final String MODULE = "jdk.incubator.vector";

    private VectorApi() {}

    /** Whether this JVM started with the module (it cannot be added later). */
    public static boolean available() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /** Why an embedded provider cannot answer in this JVM, and what to do. */
    static String missingMessage() {
        return "The embedded model needs Java's Vector API (" + MODULE + "), which a running Parley cannot turn on:"
                + " it is turned on at start when an embedded provider is active (llm.active or --provider) or in"
                + " llm.fallback. Start Parley again.";
    }
}
