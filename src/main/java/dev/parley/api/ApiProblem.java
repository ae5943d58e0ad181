package dev.parley.api;

/**
 * A request that cannot be served, thrown by a handler and answered as RFC 9457 problem JSON by
 * {@link ProblemResponses}. Its detail is shown to the caller, so it must be a sentence for a person
 * and never carry a stack trace or a secret. A problem a program may want to act on has a
 * {@link Code} too, so it need not read the sentence: retry when busy, not when stopped.
 */
public final class ApiProblem extends RuntimeException {

    /** What kind of refusal it is, as the problem's {@code code} member spells it. */
    public enum Code {
        /** Another question or upload is being answered: try again shortly ({@code Retry-After}). */
        BUSY("busy"),
        /** The answer was stopped (POST /stop, a barge-in): asking again asks again. */
        STOPPED("stopped"),
        /** This Parley has no voice ({@code serve} without {@code --voice}, or it is still loading). */
        NO_VOICE("no-voice"),
        /** This Parley has no microphone to listen with. */
        NO_MICROPHONE("no-microphone"),
        /** The conversation is open in this or another Parley. */
        CONVERSATION_OPEN("conversation-open");

        private final String name;

        Code(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final int status;
    private final String title;
    private final boolean closesConnection;
    private final Code code;

    public ApiProblem(int status, String title, String detail) {
        this(status, title, detail, false, null);
    }

    private ApiProblem(int status, String title, String detail, boolean closesConnection, Code code) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.closesConnection = closesConnection;
        this.code = code;
    }

    /** The same problem, answered with {@code Connection: close}: the request's body cannot be read to its end. */
    ApiProblem closingTheConnection() {
        return new ApiProblem(status, title, detail(), true, code);
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

    /** The kind of refusal, or null for one a program has nothing to do about but read. */
    public Code code() {
        return code;
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

    /** A 409 a program can tell from others by its {@code code}. */
    public static ApiProblem conflict(Code code, String detail) {
        return new ApiProblem(409, "Conflict", detail, false, code);
    }

    /** A 429: the one place for this kind of request is taken. */
    public static ApiProblem busy(String detail) {
        return new ApiProblem(429, "Busy", detail, false, Code.BUSY);
    }
}
