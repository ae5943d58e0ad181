package dev.parley.tts;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import marytts.config.MaryConfig;

/**
 * Which MaryTTS modules start with the voice. MaryTTS starts every module its config files list,
 * whatever a request will need; Parley only ever asks for audio from plain text or MaryXML in American
 * English, so the modules below are left out of the lists before MaryTTS starts. That takes ~0.5–1 s
 * of CPU out of the voice's start (compiled XSLT stylesheets of four input formats, the British
 * English lexicon, letter-to-sound tree and feature processors), and the audio stays the same to the
 * byte (docs/performance.md, "Start-up: less work before Ready").
 */
final class MaryTtsModules {

    /** Modules and synthesizers that no request of Parley's (TEXT or RAWMARYXML → AUDIO, en_US) reaches. */
    static final Set<String> UNUSED = Set.of(
            // input formats Parley never sends
            "marytts.modules.SSMLParser",
            "marytts.modules.SableParser",
            "marytts.modules.APMLParser",
            "marytts.modules.EmotionmlParser",
            // outputs other than AUDIO, and unit-selection voices' features (none is installed)
            "marytts.modules.HalfPhoneTargetFeatureLister",
            "marytts.modules.RealisedAcoustparamsExtractor",
            "marytts.modules.RealisedDurationsExtractor",
            "marytts.modules.PraatTextGridGenerator",
            "marytts.unitselection.UnitSelectionSynthesizer",
            // British English: the voice (cmu-slt-hsmm) and the requests are en_US
            "marytts.modules.JPhonemiser(en_GB.)",
            "marytts.features.FeatureProcessorManager(en_GB)");

    /** Modules Parley starts in place of MaryTTS's own: the same work, started sooner (see each). */
    static final Map<String, String> REPLACED = Map.of(
            "marytts.modules.OpenNLPPosTagger(en,en.pos)", PartOfSpeechTagger.class.getName() + "(en)");

    private static final List<String> LISTS = List.of("modules.classes.list", "synthesizers.classes.list",
            "featuremanager.classes.list");

    private MaryTtsModules() {}

    /**
     * Removes {@link #UNUSED} from the lists of every MaryTTS config on the class path and puts
     * Parley's modules in place of the {@link #REPLACED} ones. MaryTTS reads
     * them once, when it starts, so this must run before the first {@code LocalMaryInterface}; later
     * calls find nothing left to remove.
     */
    static synchronized void leaveOutUnused() {
        for (MaryConfig config : MaryConfig.getConfigs()) {
            Properties properties = config.getProperties();
            for (String list : LISTS) {
                String entries = properties.getProperty(list);
                if (entries != null) {
                    properties.setProperty(list, Arrays.stream(entries.trim().split("\\s+"))
                            .filter(entry -> !UNUSED.contains(entry))
                            .map(entry -> REPLACED.getOrDefault(entry, entry))
                            .collect(Collectors.joining(" ")));
                }
            }
        }
    }
}
