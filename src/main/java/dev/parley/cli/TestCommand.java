package dev.parley.cli;

import dev.parley.tools.TimerAnnouncer;
import dev.parley.tools.ToolConfirmer;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.Components;
import dev.parley.llm.ReadyCheck;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Send one short prompt (\"" + ReadyCheck.PROMPT + "\") to a provider through the same"
                + " streaming path a voice turn uses, and report the reply, the time to first token and"
                + " the total time. Only that provider answers: neither its fallbacks nor the reply cache.",
                "The times include the client's start-up in this process (up to a second), which the first"
                        + " turn of a conversation pays too.",
                "Gives up after " + ReadyCheck.LIMIT_SECONDS + " s without an answer, saying what to check.",
                "Exits 1 with the provider's error when it does not answer."})
final class TestCommand extends ParleySubcommand {

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Provider from config.yaml (default: llm.active).")
    String name;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ReadyCheck.Result result;
        try (Components components = parley.components()) {
            components.useToolCallbacks(TimerAnnouncer.NOBODY, ToolConfirmer.DENY); // it ends with its answer
            McpCommandNotice.sayNewCommands(components.config().llm(), components.paths().dataDir(), err());
            String provider = name != null ? name : components.config().llm().active();
            // Bounded as the window's and the API's test: a server that takes the request and never
            // answers would hold the terminal for the provider's timeout and each retry.
            result = ReadyCheck.run(provider, () -> components.modelToTest(provider),
                    ReadyCheck.LIMIT);
        }
        print(result);
        return result.ok() ? 0 : 1;
    }

    private void print(ReadyCheck.Result result) throws Exception {
        PrintWriter out = out();
        if (json) {
            var node = new ObjectMapper().createObjectNode()
                    .put("provider", result.provider())
                    .put("description", result.description())
                    .put("ok", result.ok())
                    .put("prompt", ReadyCheck.PROMPT)
                    .put("reply", result.reply())
                    .put("first_token_ms", result.firstTokenMs())
                    .put("total_ms", result.totalMs())
                    .put("error", result.error());
            out.println(node);
        } else {
            out.println("provider:    " + TerminalText.oneLine(result.description()));
            if (result.ok()) {
                out.println("reply:       " + (result.reply().isEmpty() ? "(empty)" : TerminalText.oneLine(result.reply())));
                out.println("first token: " + (result.firstTokenMs() < 0 ? "none" : result.firstTokenMs() + " ms"));
                out.println("total:       " + result.totalMs() + " ms");
            } else {
                PrintWriter err = err();
                err.println("parley: " + TerminalText.oneLine(result.error()));
                err.flush();
            }
        }
        out.flush();
    }
}
