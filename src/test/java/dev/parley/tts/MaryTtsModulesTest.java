package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.AudioClip;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import marytts.LocalMaryInterface;
import marytts.MaryInterface;
import marytts.datatypes.MaryXML;
import marytts.modules.MaryModule;
import marytts.modules.ModuleRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The real voice, started without the MaryTTS modules Parley never uses, still says what Parley asks. */
@Tag("real")
class MaryTtsModulesTest {

    private static MaryTtsSynthesizer voice;

    @BeforeAll
    static void start() {
        voice = MaryTtsSynthesizer.start("cmu-slt-hsmm");
    }

    @AfterAll
    static void stop() {
        voice.close();
    }

    @Test
    void startsNoneOfTheUnusedModules() {
        List<String> started = ModuleRegistry.getAllModules().stream().map(MaryModule::getClass)
                .map(Class::getName).toList();

        assertThat(started).contains("marytts.modules.TextToMaryXML",
                "dev.parley.tts.PartOfSpeechTagger", "marytts.modules.HTSEngine");
        assertThat(started).doesNotContain("marytts.modules.OpenNLPPosTagger"); // replaced, not doubled
        assertThat(started).doesNotContain("marytts.modules.SSMLParser", "marytts.modules.SableParser", "marytts.modules.APMLParser",
                "marytts.modules.EmotionmlParser", "marytts.modules.PraatTextGridGenerator");
        assertThat(ModuleRegistry.getAllModules()).noneMatch(module -> module.getLocale() != null
                && module.getLocale().toString().equals("en_GB"));
    }

    @Test
    void tagsEveryWordWithTheModelsPartOfSpeech() throws Exception {
        MaryInterface mary = new LocalMaryInterface(); // MaryTTS is started: this one shares its modules
        mary.setLocale(Locale.US);
        mary.setOutputType("PARTSOFSPEECH");

        Document tagged = mary.generateXML("I can see the dog. She quickly read the old books. Yes. It costs $5, or less.");

        NodeList tokens = tagged.getElementsByTagNameNS(MaryXML.getNamespace(), MaryXML.TOKEN);
        List<String> tags = IntStream.range(0, tokens.getLength())
                .mapToObj(i -> ((Element) tokens.item(i)).getAttribute("pos")).toList();
        // What MaryTTS's own OpenNLP module gives: the model's tags, and "." kept where the text
        // normalizer tagged a symbol or punctuation first ("$", "five dollars", ",").
        assertThat(tags).containsExactly("PRP", "MD", "VB", "DT", "NN", ".", "PRP", "RB", "VBD", "DT", "JJ", "NNS", ".",
                "UH", ".", "PRP", "VBZ", ".", "CD", "NNS", ".", "CC", "JJR", ".");
    }

    @Test
    void speaksPlainTextAndMaryXmlAtAnotherRate() {
        AudioClip plain = voice.synthesize("What is the weather like in Berlin today?");
        voice.tune(1.3, 1.0); // sent as MaryXML prosody
        AudioClip faster = voice.synthesize("What is the weather like in Berlin today?");
        voice.tune(1.0, 1.0);

        assertThat(plain.durationSeconds()).isBetween(1.5, 4.0);
        assertThat(faster.durationSeconds()).isLessThan(plain.durationSeconds() * 0.9);
    }

    @Test
    void speaksTextWithControlCharactersAtAnotherRate() {
        voice.tune(1.3, 1.0);
        try {
            // A model's or tool's terminal escapes: characters XML cannot hold.
            AudioClip spoken = voice.synthesize("Hello\u0001 world\u001b]0;title\u0007 and \u001b[2J done \uFFFE.");
            assertThat(spoken.durationSeconds()).isGreaterThan(1.0);
        } finally {
            voice.tune(1.0, 1.0);
        }
    }

    @Test
    void leavingOutTwiceChangesNothingMore() {
        MaryTtsModules.leaveOutUnused();

        assertThat(voice.synthesize("Hello there.").durationSeconds()).isBetween(0.4, 3.0);
    }
}
