import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;

/**
 * Runs Parley's scripted LLM server (the tests' and the benchmark's) as a process, for
 * scripts/package-smoke: it speaks Ollama's streaming protocol on 127.0.0.1, answers every request
 * with the same short reply, prints its base URL on the first line and serves until killed.
 *
 * <p>Run from a built checkout with a JDK (Java's source-file mode):
 * {@code java -cp "target/classes:target/lib/*" scripts/ScriptedLlmServerMain.java}
 */
public class ScriptedLlmServerMain {

    public static void main(String[] args) throws Exception {
        ScriptedLlmServer server = new ScriptedLlmServer(Protocol.OLLAMA,
                Reply.of("It is ", "sunny and ", "twenty degrees ", "today. ", "Enjoy the ", "weather!"));
        System.out.println(server.baseUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
