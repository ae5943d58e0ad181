package dev.parley.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.Components;
import dev.parley.FirstTurnWarmUp;
import dev.parley.usage.Percentiles;
import dev.parley.audio.echo.EchoCancellers;
import dev.parley.audio.echo.EchoOptions;
import dev.parley.bench.DuplexBench;
import dev.parley.bench.EchoBench;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.SoakBench;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.bench.VoiceBench;
import dev.parley.config.AudioConfig;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.pipeline.TurnTimings;
import java.time.Duration;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import java.util.Locale;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the voice path: model load times, speech-in and speech-out real-time factors,"
                + " and the stage waterfall of repeated push-to-talk turns (p50/p95), streaming (Parley's way)"
                + " and naive (whole reply, then all of its speech, then play) for comparison.",
                "Real speech recognition, chunker, voice and audio output (the system default device, or"
                + " tts.output-device); the model is a scripted local server with a known speed, so numbers"
                + " compare across machines. first audio = first sample written to the output device;"
                + " overhead = first audio minus the model's time to first token.",
                "--echo measures the microphone's echo canceller instead: Parley's voice played into a simulated"
                + " room at 20, 60, 120 and 250 ms of delay; ERLE p50/p10 over echo-only segments and CPU ms per"
                + " second of audio. No audio device needed.",
                "--duplex measures full duplex: Parley's answers played into simulated rooms (20-250 ms delay, reverb,"
                + " noise) back into the microphone path, with and without a user (a shipped second voice) talking"
                + " over them: ERLE, false barge-ins per minute, barge-in latency, word error rate over Parley vs in"
                + " silence, wake-word hits and false accepts per hour, CPU per second of audio; each goal pass/fail."
                + " No audio device needed.",
                "--soak checks for leaks instead: --warmup-turns, then --turns push-to-talk turns, each answer"
                + " played to its end; resident memory (VmRSS) and threads sampled every --sample-every turns;"
                + " growth after the warm-up."})
final class BenchCommand extends ParleySubcommand {

    @Option(names = "--turns", defaultValue = "10", description = "Voice turns to measure (default ${DEFAULT-VALUE}).")
    int turns;

    @Option(names = "--first-token-ms", defaultValue = "200",
            description = "The scripted model's time to first token (default ${DEFAULT-VALUE}).")
    long firstTokenMs;

    @Option(names = "--token-ms", defaultValue = "15",
            description = "The scripted model's delay between tokens (default ${DEFAULT-VALUE}).")
    long tokenMs;

    @Option(names = "--protocol", defaultValue = "OPENAI",
            description = "Wire protocol of the scripted model: OPENAI or OLLAMA (default ${DEFAULT-VALUE}).")
    Protocol protocol;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    boolean json;

    @Option(names = "--echo", description = "Measure the echo canceller (ERLE, CPU) instead of the voice turns.")
    boolean echo;

    @Option(names = "--duplex", description = "Measure full duplex (echo, barge-in, WER over Parley, wake word) instead.")
    boolean duplex;

    private static final int MAX_ALONE_MINUTES = 60;
    private static final int MAX_WAKE_MINUTES = 600;

    @Option(names = "--minutes", defaultValue = "10",
            description = "With --duplex: minutes of Parley speaking alone, for false barge-ins (default ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--wake-minutes", defaultValue = "30",
            description = "With --duplex: minutes of non-wake speech for wake false accepts (default ${DEFAULT-VALUE}).")
    double wakeMinutes;

    @Option(names = "--soak", description = "Run many turns and report memory and thread growth (a leak check).")
    boolean soak;

    @Option(names = "--warmup-turns", defaultValue = "50",
            description = "With --soak: turns before growth is measured (default ${DEFAULT-VALUE}).")
    int warmupTurns;

    @Option(names = "--sample-every", defaultValue = "25",
            description = "With --soak: turns between samples (default ${DEFAULT-VALUE}).")
    int sampleEvery;

    @Override
    public Integer call() throws Exception {
        OptionChecks.within(spec, "--first-token-ms", firstTokenMs, 0, 60_000);
        OptionChecks.within(spec, "--token-ms", tokenMs, 0, 10_000);
        if ((echo ? 1 : 0) + (duplex ? 1 : 0) + (soak ? 1 : 0) > 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--echo, --duplex and --soak are separate benchmarks: pick one");
        }
        if (echo) {
            return benchEcho();
        }
        if (duplex) {
            return benchDuplex();
        }
        if (turns < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--turns must be at least 1");
        }
        if (protocol != Protocol.OPENAI && protocol != Protocol.OLLAMA) {
            // The Anthropic and Gemini clients insist on an API key, which a benchmark should not need.
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--protocol must be OPENAI or OLLAMA for the benchmark");
        }
        if (soak) {
            return benchSoak();
        }
        Reply reply = Reply.of(VoiceBench.replyTokens()).firstAfter(firstTokenMs).delayedBy(tokenMs);
        try (Components components = parley.components();
                ScriptedLlmServer server = new ScriptedLlmServer(protocol, reply)) {
            long speechModelMs = timeMs(components::recognizer);
            long voiceMs = timeMs(components::synthesizer);
            long readyMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            // What the window does after Ready, so the first turn here is the window's first turn.
            long warmUpMs = FirstTurnWarmUp.run(components, () -> { });
            ProviderType type = protocol == Protocol.OPENAI ? ProviderType.OPENAI_COMPATIBLE : ProviderType.OLLAMA;
            var model = components.unguardedModel("bench",
                    new ProviderConfig(type, server.baseUrl(), "scripted", null, null, null, 30));
            VoiceBench.Result result = new VoiceBench(components.recognizer(), components.synthesizer(),
                    components.speaker()).run(turns, model, firstTokenMs, components.turnRunner(model),
                    Components.threads("parley-voice"));
            print(result, speechModelMs, voiceMs, readyMs, warmUpMs);
        }
        return 0;
    }

    /** Cancels with the configured noise suppression, gain and high-pass filter, whatever the echo mode says. */
    private int benchEcho() throws Exception {
        try (Components components = parley.components()) {
            AudioConfig audio = components.config().audio();
            EchoOptions options = new EchoOptions(true, audio.noiseSuppression(), audio.autoGain(),
                    audio.highPassFilter());
            EchoBench.Result result = new EchoBench(components.synthesizer(), () -> EchoCancellers.create(options))
                    .run();
            EchoBenchReport.print(result, json, out());
        }
        return 0;
    }

    /** The microphone path as configured, with echo cancellation on (the mode full duplex needs). */
    private int benchDuplex() throws Exception {
        // Each room's session is held in memory (~25 MB per minute alone per room); the wake word's is not.
        if (!(minutes > 0 && minutes <= MAX_ALONE_MINUTES) || !(wakeMinutes > 0 && wakeMinutes <= MAX_WAKE_MINUTES)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--minutes must be more than 0 and at"
                    + " most " + MAX_ALONE_MINUTES + ", --wake-minutes more than 0 and at most " + MAX_WAKE_MINUTES);
        }
        try (Components components = parley.components()) {
            AudioConfig audio = components.config().audio();
            EchoOptions options = new EchoOptions(true, audio.noiseSuppression(), audio.autoGain(),
                    audio.highPassFilter());
            DuplexBench.Result result = new DuplexBench(components.synthesizer(), components.recognizer(),
                    () -> EchoCancellers.create(options), Duration.ofMillis(audio.bargeInMinMs()))
                    .run(DuplexBench.Settings.full(minutes, wakeMinutes));
            DuplexBenchReport.print(result, json, out());
        }
        return 0;
    }

    /** The leak check, against the scripted model over the chosen protocol. */
    private int benchSoak() throws Exception {
        if (warmupTurns < 0 || sampleEvery < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--warmup-turns must be 0 or more and --sample-every at least 1");
        }
        Reply reply = Reply.of(SoakBench.replyTokens()).firstAfter(firstTokenMs).delayedBy(tokenMs);
        try (Components components = parley.components();
                ScriptedLlmServer server = new ScriptedLlmServer(protocol, reply)) {
            ProviderType type = protocol == Protocol.OPENAI ? ProviderType.OPENAI_COMPATIBLE : ProviderType.OLLAMA;
            var model = components.unguardedModel("bench",
                    new ProviderConfig(type, server.baseUrl(), "scripted", null, null, null, 30));
            PrintWriter err = err();
            SoakBench.Result result = new SoakBench(components.recognizer(), components.synthesizer(),
                    components.speaker()).run(warmupTurns, turns, sampleEvery, components.turnRunner(model),
                    Components.threads("parley-voice"), turn -> {
                        if (turn % sampleEvery == 0) {
                            err.printf("soak: %d turns%n", turn);
                            err.flush();
                        }
                    });
            SoakReport.print(result, json, out());
        }
        return 0;
    }

    private static long timeMs(Runnable step) {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void print(VoiceBench.Result r, long speechModelMs, long voiceMs, long readyMs, long warmUpMs)
            throws Exception {
        PrintWriter out = out();
        double ratio = round((double) r.streaming().firstSound().p50() / Math.max(1, r.naive().firstSound().p50()));
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode().put("turns", r.turns());
            root.putObject("scripted_llm").put("protocol", protocol.name().toLowerCase(Locale.ROOT))
                    .put("first_token_ms", firstTokenMs).put("token_ms", tokenMs)
                    .put("reply_sentences", VoiceBench.REPLY.split("(?<=\\.) ").length);
            root.putObject("cold_start_ms").put("speech_model", speechModelMs).put("voice", voiceMs)
                    .put("ready", readyMs).put("first_turn_warm_up", warmUpMs);
            root.put("stt_rtf", round(r.sttRtf())).put("stt_rtf_warm", round(r.sttRtfWarm()))
                    .put("tts_rtf", round(r.ttsRtf()));
            TurnTimings first = r.firstTurn();
            root.putObject("first_turn_ms").put("stt", first.sttMs()).put("llm_first_token", first.llmFirstTokenMs())
                    .put("first_chunk", first.firstChunkMs()).put("first_synthesized", first.firstAudioMs())
                    .put("first_audio", first.firstSoundMs()).put("total", first.totalMs());
            put(root.putObject("streaming"), r.streaming());
            put(root.putObject("naive"), r.naive());
            root.put("ratio_first_audio", ratio);
            put(root, "barge_in_stop_ms", r.stopMs());
            out.println(mapper.writeValueAsString(root));
        } else {
            out.printf("cold start: speech model %d ms, voice %d ms; ready %d ms after the JVM started;"
                    + " first-turn warm-up (as the window's after Ready) %d ms%n", speechModelMs, voiceMs, readyMs,
                    warmUpMs);
            out.printf(Locale.ROOT, "real-time factor: speech-to-text %.3f (first hearing), %.3f (same audio again);"
                    + " text-to-speech %.3f%n", r.sttRtf(), r.sttRtfWarm(), r.ttsRtf());
            TurnTimings first = r.firstTurn();
            out.printf("first turn after loading, ms from end of speech: stt %d | llm first token %d | first chunk %d"
                            + " | first synthesized %d | first audio %d%n", first.sttMs(), first.llmFirstTokenMs(),
                    first.firstChunkMs(), first.firstAudioMs(), first.firstSoundMs());
            out.printf("%d turns each, scripted %s model (first token %d ms, %d ms/token, 5-sentence reply),"
                    + " ms from end of speech:%n", r.turns(), protocol.name().toLowerCase(Locale.ROOT), firstTokenMs, tokenMs);
            out.printf("  %-18s %9s %9s %9s %9s%n", "stage", "stream50", "stream95", "naive50", "naive95");
            row(out, "stt", r.streaming().stt(), r.naive().stt());
            row(out, "llm first token", r.streaming().firstToken(), r.naive().firstToken());
            row(out, "first chunk", r.streaming().firstChunk(), null);
            row(out, "first synthesized", r.streaming().firstAudio(), r.naive().firstAudio());
            row(out, "first audio", r.streaming().firstSound(), r.naive().firstSound());
            row(out, "overhead", r.streaming().overhead(), r.naive().overhead());
            out.printf(Locale.ROOT, "first audio, streaming p50 / naive p50: %.2f; barge-in stop p50 %d ms, p95 %d ms%n", ratio,
                    r.stopMs().p50(), r.stopMs().p95());
        }
        out.flush();
    }

    private static void put(ObjectNode mode, VoiceBench.Stages stages) {
        put(mode, "stt_ms", stages.stt());
        put(mode, "llm_first_token_ms", stages.firstToken());
        put(mode, "first_chunk_ms", stages.firstChunk());
        put(mode, "first_synthesized_ms", stages.firstAudio());
        put(mode, "first_audio_ms", stages.firstSound());
        put(mode, "overhead_ms", stages.overhead());
        put(mode, "total_ms", stages.total());
    }

    private static void put(ObjectNode parent, String name, Percentiles p) {
        parent.putObject(name).put("p50", p.p50()).put("p95", p.p95());
    }

    private static void row(PrintWriter out, String stage, Percentiles streaming, Percentiles naive) {
        out.printf("  %-18s %9d %9d %9s %9s%n", stage, streaming.p50(), streaming.p95(),
                naive == null ? "-" : naive.p50(), naive == null ? "-" : naive.p95());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
