package dev.parley.api;

/**
 * A request that cannot be served, thrown by a handler and answered as RFC 9457 problem JSON by
 * {@link ProblemResponses}. Its detail is shown to the caller, so it must be a sentence for a person
 * and never carry a stack trace or a secret.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final boolean closesConnection;

    public ApiProblem(int status, String title, String detail) {
        this(status, title, detail, false);
    }

    private ApiProblem(int status, String title, String detail, boolean closesConnection) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.closesConnection = closesConnection;
    }

    /** The same problem, answered with {@code Connection: close}: the request's body cannot be read to its end. */
    ApiProblem closingTheConnection() {
        return new ApiProblem(status, title, detail(), true);
    }

    boolean closesConnection() {
        return closesConnection;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "Bad request", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not found", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail);
    }
}
