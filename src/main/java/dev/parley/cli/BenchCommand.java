package dev.parley.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.Components;
import dev.parley.usage.Percentiles;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.bench.VoiceBench;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.pipeline.TurnTimings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the voice path: model load times, speech-in and speech-out real-time factors,"
                + " and the stage waterfall of repeated voice turns (p50/p95).",
                "The model is a scripted local server with a known speed, so numbers compare across machines."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--turns", defaultValue = "10", description = "Voice turns to measure (default ${DEFAULT-VALUE}).")
    int turns;

    @Option(names = "--first-token-ms", defaultValue = "0",
            description = "The scripted model's time to first token (default ${DEFAULT-VALUE}: answers at once).")
    long firstTokenMs;

    @Option(names = "--token-ms", defaultValue = "10",
            description = "The scripted model's delay between tokens (default ${DEFAULT-VALUE}).")
    long tokenMs;

    @Option(names = "--protocol", defaultValue = "OPENAI",
            description = "Wire protocol of the scripted model: OPENAI or OLLAMA (default ${DEFAULT-VALUE}).")
    Protocol protocol;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    boolean json;

    @ParentCommand
    ParleyCommand parley;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (turns < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--turns must be at least 1");
        }
        if (protocol != Protocol.OPENAI && protocol != Protocol.OLLAMA) {
            // The Anthropic and Gemini clients insist on an API key, which a benchmark should not need.
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--protocol must be OPENAI or OLLAMA for the benchmark");
        }
        Reply reply = Reply.of(VoiceBench.replyTokens()).firstAfter(firstTokenMs).delayedBy(tokenMs);
        try (Components components = parley.components();
                ScriptedLlmServer server = new ScriptedLlmServer(protocol, reply)) {
            long speechModelMs = timeMs(components::recognizer);
            long voiceMs = timeMs(components::synthesizer);
            ProviderType type = protocol == Protocol.OPENAI ? ProviderType.OPENAI_COMPATIBLE : ProviderType.OLLAMA;
            var model = components.unguardedModel("bench",
                    new ProviderConfig(type, server.baseUrl(), "scripted", null, null, null, 30));
            VoiceBench.Result result = new VoiceBench(components.recognizer(), components.synthesizer())
                    .run(turns, model, components::replyPipeline);
            print(result, speechModelMs, voiceMs);
        }
        return 0;
    }

    private static long timeMs(Runnable step) {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void print(VoiceBench.Result r, long speechModelMs, long voiceMs) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode().put("turns", r.turns());
            root.putObject("scripted_llm").put("protocol", protocol.name().toLowerCase())
                    .put("first_token_ms", firstTokenMs).put("token_ms", tokenMs);
            root.putObject("cold_start_ms").put("speech_model", speechModelMs).put("voice", voiceMs);
            root.put("stt_rtf", round(r.sttRtf())).put("stt_rtf_warm", round(r.sttRtfWarm()))
                    .put("tts_rtf", round(r.ttsRtf()));
            TurnTimings first = r.firstTurn();
            root.putObject("first_turn_ms").put("stt", first.sttMs()).put("llm_first_token", first.llmFirstTokenMs())
                    .put("first_chunk", first.firstChunkMs()).put("first_audio", first.firstAudioMs())
                    .put("total", first.totalMs());
            ObjectNode streaming = root.putObject("streaming");
            put(streaming, "stt_ms", r.stt());
            put(streaming, "llm_first_token_ms", r.firstToken());
            put(streaming, "first_chunk_ms", r.firstChunk());
            put(streaming, "first_audio_ms", r.firstAudio());
            put(streaming, "total_ms", r.total());
            out.println(mapper.writeValueAsString(root));
        } else {
            out.printf("cold start: speech model %d ms, voice %d ms%n", speechModelMs, voiceMs);
            out.printf("real-time factor: speech-to-text %.3f (first hearing), %.3f (same audio again);"
                    + " text-to-speech %.3f%n", r.sttRtf(), r.sttRtfWarm(), r.ttsRtf());
            TurnTimings first = r.firstTurn();
            out.printf("first turn after loading, ms from end of speech: stt %d | llm first token %d | first chunk %d"
                            + " | first audio %d | total %d%n", first.sttMs(), first.llmFirstTokenMs(),
                    first.firstChunkMs(), first.firstAudioMs(), first.totalMs());
            out.printf("%d turns, scripted %s model (first token %d ms, %d ms/token), ms from end of speech:%n",
                    r.turns(), protocol.name().toLowerCase(), firstTokenMs, tokenMs);
            out.printf("  %-18s %7s %7s%n", "stage", "p50", "p95");
            row(out, "stt", r.stt());
            row(out, "llm first token", r.firstToken());
            row(out, "first chunk", r.firstChunk());
            row(out, "first audio", r.firstAudio());
            row(out, "total", r.total());
        }
        out.flush();
    }

    private static void put(ObjectNode parent, String name, Percentiles p) {
        parent.putObject(name).put("p50", p.p50()).put("p95", p.p95());
    }

    private static void row(PrintWriter out, String stage, Percentiles p) {
        out.printf("  %-18s %7d %7d%n", stage, p.p50(), p.p95());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
