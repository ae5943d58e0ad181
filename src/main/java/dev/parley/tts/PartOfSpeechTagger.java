package dev.parley.tts;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import marytts.datatypes.MaryData;
import marytts.datatypes.MaryDataType;
import marytts.datatypes.MaryXML;
import marytts.modules.InternalModule;
import marytts.exceptions.MaryConfigurationException;
import marytts.util.MaryUtils;
import marytts.util.dom.DomUtils;
import marytts.util.dom.MaryDomUtils;
import opennlp.tools.postag.POSTaggerME;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.traversal.NodeIterator;
import org.w3c.dom.traversal.TreeWalker;

/**
 * The voice's part-of-speech tagger, in place of MaryTTS's own OpenNLP module: the same model and
 * the same tags, loaded faster and sooner. MaryTTS's module reads OpenNLP's model format, ~0.5 s of
 * one core and half of the voice's start, and only when its turn comes among the modules MaryTTS
 * starts one after the other. This one reads the same model converted at build time
 * ({@link PosModelFile}, ~0.2 s), and starts when MaryTTS makes its modules, on a thread of its own,
 * so it loads beside the lexicons and the voice's trees; {@link #startup()} waits for it. Listed in
 * MaryTTS's config as {@code dev.parley.tts.PartOfSpeechTagger(en)} by {@link MaryTtsModules}.
 */
public final class PartOfSpeechTagger extends InternalModule {

    /** The tag each token gets: a MaryXML attribute the prosody and pronunciation rules read. */
    private static final String POS_ATTRIBUTE = "pos";

    private final CompletableFuture<POSTaggerME> loading = new CompletableFuture<>();
    private POSTaggerME tagger;

    /**
     * Called by MaryTTS from its module list, before any module starts.
     *
     * @param locale the language, e.g. "en" (the model is Parley's English one)
     */
    public PartOfSpeechTagger(String locale) {
        super("PartOfSpeechTagger", MaryDataType.WORDS, MaryDataType.PARTSOFSPEECH, MaryUtils.string2locale(locale));
        Thread.ofPlatform().name("parley-pos-model-load").daemon(true).start(() -> {
            try {
                loading.complete(load());
            } catch (Exception | Error e) {
                loading.completeExceptionally(e);
            }
        });
    }

    private static POSTaggerME load() throws IOException, MaryConfigurationException {
        try (InputStream model = PartOfSpeechTagger.class.getResourceAsStream(PosModelFile.ENGLISH_RESOURCE)) {
            if (model == null) {
                throw new MaryConfigurationException("Parley's part-of-speech model ("
                        + PosModelFile.ENGLISH_RESOURCE + ") is missing from its jar; build Parley again"
                        + " (./mvnw package), which writes it");
            }
            return new POSTaggerME(PosModelFile.read(model));
        }
    }

    @Override
    public void startup() throws Exception {
        super.startup();
        try {
            tagger = loading.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * Gives every token of every sentence its part of speech, tagged a sentence at a time, as MaryTTS
     * 5.2.1's own module does: a token an earlier module tagged already (the text normalizer marks
     * symbols and punctuation) keeps its tag, and a one-word sentence is tagged as if a full stop
     * followed it. The audio is the same to the byte (docs/performance.md).
     */
    @Override
    public MaryData process(MaryData words) throws Exception {
        Document document = words.getDocument();
        NodeIterator sentences = DomUtils.createNodeIterator(document, document, MaryXML.SENTENCE);
        for (Node sentence = sentences.nextNode(); sentence != null; sentence = sentences.nextNode()) {
            List<Element> tokens = tokensOf(sentence);
            List<String> texts = new ArrayList<>(tokens.size() + 1);
            for (Element token : tokens) {
                texts.add(MaryDomUtils.tokenText(token));
            }
            if (texts.size() == 1) {
                texts.add(".");
            }
            String[] tags;
            synchronized (this) { // OpenNLP's tagger keeps state between calls
                tags = tagger.tag(texts.toArray(String[]::new));
            }
            for (int i = 0; i < tokens.size(); i++) {
                if (!tokens.get(i).hasAttribute(POS_ATTRIBUTE)) {
                    tokens.get(i).setAttribute(POS_ATTRIBUTE, tags[i]);
                }
            }
        }
        MaryData tagged = new MaryData(outputType(), words.getLocale());
        tagged.setDocument(document);
        return tagged;
    }

    private static List<Element> tokensOf(Node sentence) {
        List<Element> tokens = new ArrayList<>();
        TreeWalker walker = DomUtils.createTreeWalker(sentence, MaryXML.TOKEN);
        for (Node token = walker.nextNode(); token != null; token = walker.nextNode()) {
            tokens.add((Element) token);
        }
        return tokens;
    }
}
