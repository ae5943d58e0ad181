package dev.parley.cli;

import dev.parley.Components;
import dev.parley.audio.LevelMeter;
import dev.parley.audio.Speaker;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ConfigWriter;
import dev.parley.config.ParleyConfig;
import dev.parley.config.ParleyPaths;
import dev.parley.firstrun.DownloadSize;
import dev.parley.firstrun.FirstRun;
import dev.parley.firstrun.MicrophoneCheck;
import dev.parley.firstrun.ModelOffers;
import dev.parley.firstrun.ModelOffers.Offer;
import dev.parley.firstrun.OllamaProbe;
import dev.parley.firstrun.VoiceCheck;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "setup", mixinStandardHelpOptions = true,
        description = {"The first-run welcome in the terminal: checks the microphone (level meter) and the"
                + " speakers (a test sentence), looks for a local Ollama, and lets you choose the model:"
                + " Ollama, the built-in model (with its download size) or a cloud provider.",
                "The choice is written into your config.yaml (llm.active), keeping its comments."})
final class SetupCommand extends ParleySubcommand {

    @Option(names = "--no-audio", description = "Skip the microphone and speaker checks (no sound devices).")
    boolean noAudio;

    @Option(names = "--mic-seconds", paramLabel = "S", defaultValue = "3",
            description = "How long to listen for the microphone check (default: ${DEFAULT-VALUE}).")
    int micSeconds;

    @Option(names = "--ollama-url", paramLabel = "URL",
            description = "Where to look for Ollama (default: the base-url of the config's ollama provider, else"
                    + " http://localhost:11434); choosing one of its models saves this address.")
    URI ollamaUrl;

    @Option(names = "--choice", paramLabel = "N",
            description = "Pick offer N without asking (for scripts); without it, you are asked.")
    Integer choice;

    @Override
    public Integer call() throws Exception {
        OptionChecks.within(spec, "--mic-seconds", micSeconds, 1, 60);
        if (ollamaUrl != null) {
            OptionChecks.httpUrl(spec, "--ollama-url", ollamaUrl.toString());
        }
        PrintWriter out = out();
        ParleyPaths paths = ParleyPaths.fromEnvironment();
        Path configFile = parley.configFile != null ? parley.configFile : paths.userConfigFile();
        if (!Files.exists(configFile)) {
            ConfigLoader.createFromShipped(configFile);
        }
        out.println("Welcome to Parley. A few checks, then you can talk to it.");
        out.println();
        try (Components components = parley.components()) {
            if (noAudio) {
                out.println("1. Microphone: skipped (--no-audio)");
                out.println("2. Speakers:   skipped (--no-audio)");
            } else {
                checkMicrophone(out, components.config().audio().inputDevice());
                checkSpeakers(out, components);
            }
            out.println("3. Language model");
            OllamaProbe.Status ollama = new OllamaProbe(Duration.ofMillis(1500))
                    .probe(ollamaUrl != null ? ollamaUrl : OllamaProbe.urlIn(components.config()));
            out.println("   " + ollama.describe());
            List<Offer> offers = ModelOffers.list(components.config(), ollama, embeddedOffer(components.config(), paths),
                    System::getenv);
            Offer picked = pick(out, offers);
            new ConfigWriter().activate(configFile, picked.provider(), picked.providerEntry(), picked.newEntryDefaults());
            out.println("   -> " + configFile + ": llm.active is now " + picked.provider());
            nextSteps(out, picked);
        }
        new FirstRun(paths).markDone();
        out.flush();
        return 0;
    }

    private void checkMicrophone(PrintWriter out, String inputDevice) {
        out.printf("1. Microphone: say something for %d seconds...%n", micSeconds);
        out.flush();
        MicrophoneCheck.Result mic = new MicrophoneCheck(inputDevice).listen(Duration.ofSeconds(micSeconds), level -> {
            out.print("\r   " + bar(level, 30) + "   ");
            out.flush();
        });
        out.println("\r   -> " + mic.describe() + " ".repeat(20));
    }

    /** A text meter, e.g. {@code [#######.............] -32 dB}. */
    static String bar(double dbfs, int width) {
        int filled = LevelMeter.meterCells(dbfs, width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + Math.round(dbfs) + " dB";
    }

    private static void checkSpeakers(PrintWriter out, Components components) {
        out.println("2. Speakers: speaking a test sentence...");
        out.flush();
        Speaker speaker = new Speaker(components.config().tts().outputDevice());
        VoiceCheck.Result voice = new VoiceCheck(components.synthesizer(), speaker::play).speak(VoiceCheck.TEST_SENTENCE);
        out.println("   -> " + voice.describe());
    }

    private static ModelOffers.EmbeddedOffer embeddedOffer(ParleyConfig config, ParleyPaths paths) {
        var configured = config.llm().providers().values().stream()
                .filter(p -> p.type() == dev.parley.config.ProviderType.EMBEDDED).findFirst();
        String model = configured.map(p -> p.model()).orElse(ModelOffers.EMBEDDED_MODEL);
        String hub = configured.map(p -> p.baseUrl()).orElse(null);
        return new DownloadSize(Duration.ofSeconds(3)).offer(model, paths.dataDir().resolve("models").resolve("llm"), hub);
    }

    private Offer pick(PrintWriter out, List<Offer> offers) throws IOException {
        int preferred = 1;
        for (int i = 0; i < offers.size(); i++) {
            if (offers.get(i).ready()) {
                preferred = i + 1;
                break;
            }
        }
        out.println("   Which model should answer?");
        for (int i = 0; i < offers.size(); i++) {
            out.printf("   %d) %s%n", i + 1, offers.get(i).describe());
        }
        if (choice != null) {
            return offers.get(checked(choice, offers.size()) - 1);
        }
        BufferedReader in = stdinLines();
        while (true) {
            out.printf("   Your choice [%d]: ", preferred);
            out.flush();
            String line = in.readLine();
            if (line == null || line.isBlank()) {
                if (line == null) {
                    out.println();
                }
                return offers.get(preferred - 1);
            }
            try {
                int n = Integer.parseInt(line.strip());
                if (n >= 1 && n <= offers.size()) {
                    return offers.get(n - 1);
                }
            } catch (NumberFormatException e) {
                // asked again below
            }
            out.printf("   Please type a number from 1 to %d.%n", offers.size());
        }
    }

    private int checked(int n, int count) {
        if (n < 1 || n > count) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--choice must be between 1 and " + count + ", the offers listed above");
        }
        return n;
    }

    private static void nextSteps(PrintWriter out, Offer picked) {
        out.println();
        switch (picked) {
            case ModelOffers.CloudOffer cloud when !cloud.keySet() -> out.println(
                    "Set your key before starting Parley (it is never stored in the config): export "
                            + cloud.apiKeyEnv() + "=...");
            case ModelOffers.EmbeddedOffer embedded when !embedded.downloaded() -> out.println(
                    "The built-in model downloads on your first question; after that Parley works offline.");
            default -> { }
        }
        out.println("Ready. Talk to Parley: `parley chat` (typed) or `parley turn --in question.wav --out answer.wav`.");
    }
}
