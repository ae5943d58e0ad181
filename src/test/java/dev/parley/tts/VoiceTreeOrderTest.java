package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import marytts.cart.CART;
import marytts.cart.DecisionNode;
import marytts.cart.LeafNode.PdfLeafNode;
import marytts.cart.Node;
import marytts.cart.io.HTSCARTReader;
import marytts.features.FeatureDefinition;
import marytts.htsengine.HMMData.PdfFileFormat;
import marytts.htsengine.PhoneTranslator;
import marytts.util.FeatureUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The voice's trees, reordered, are the trees MaryTTS builds from the shipped files. */
class VoiceTreeOrderTest {

    private static final String VOICE_FILES = "/marytts/voice/CmuSltHsmm/";

    @Test
    void putsEachNodesNoSideBeforeItsYesSideAndKeepsEveryOtherLine() {
        List<String> file = List.of("QS \"a\" {x}", "", "{*}[2]", "{",
                " 0 q0 -1 -2", " -1 q1 leaf_1 -3", " -2 q2 leaf_2 leaf_3", " -3 q3 leaf_4 leaf_5", "}", "");

        assertThat(VoiceTreeOrder.reorder(file)).containsExactly("QS \"a\" {x}", "", "{*}[2]", "{",
                " 0 q0 -1 -2", " -1 q1 leaf_1 -3", " -3 q3 leaf_4 leaf_5", " -2 q2 leaf_2 leaf_3", "}", "");
    }

    @Test
    void refusesLinesThatAreNotOneTree() {
        assertThatThrownBy(() -> VoiceTreeOrder.reorder(List.of("{*}[2]", "{", " 0 q0 -1 leaf_1", "}")))
                .hasMessageContaining("node -1 has no line");
        assertThatThrownBy(() -> VoiceTreeOrder.reorder(List.of("{*}[2]", "{", " 0 q0 leaf_1 leaf_2", " -4 q4 a b", "}")))
                .hasMessageContaining("1 node lines are not under node 0");
        assertThatThrownBy(() -> VoiceTreeOrder.reorder(List.of("{*}[2]", "{", " 0 q0 leaf_1", "}")))
                .hasMessageContaining("not a node line");
    }

    @Test
    void buildsTheTreesOfTheShippedFiles(@TempDir Path classes) throws Exception {
        VoiceTreeOrder.main(new String[] {classes.toString()});
        FeatureDefinition features = FeatureUtils.readFeatureDefinition(voiceFile("cmu_us_arctic_slt_b0487.pfeats"));

        for (String tree : VoiceTreeOrder.TREES.values()) {
            byte[] reordered = Files.readAllBytes(classes.resolve("dev/parley/tts/cmu-slt-hsmm/tree-" + tree + ".inf"));
            CART[] shipped = load(tree, voiceFile("tree-" + tree + ".inf"), features);
            CART[] fromCopy = load(tree, new ByteArrayInputStream(reordered), features);

            assertThat(fromCopy).hasSameSizeAs(shipped);
            for (int state = 0; state < shipped.length; state++) {
                assertThat(describe(fromCopy[state].getRootNode())).as(tree + " state " + state)
                        .isEqualTo(describe(shipped[state].getRootNode()));
            }
            assertThat(new String(reordered, StandardCharsets.UTF_8).lines().sorted())
                    .containsExactlyElementsOf(new String(voiceFile("tree-" + tree + ".inf").readAllBytes(),
                            StandardCharsets.UTF_8).lines().sorted().toList());
        }
    }

    @Test
    void pointsTheVoiceAtTheCopiesTheBuildWrote() {
        VoiceTreeOrder.use();

        String durations = System.getProperty("voice.cmu-slt-hsmm.Ftd");
        assertThat(durations).isEqualTo("jar:/dev/parley/tts/cmu-slt-hsmm/tree-dur.inf");
        assertThat(VoiceTreeOrder.class.getResource(durations.substring("jar:".length()))).isNotNull();
    }

    private static CART[] load(String tree, InputStream lines, FeatureDefinition features) throws Exception {
        return new HTSCARTReader().load(tree.equals("dur") ? 1 : 5, lines, voiceFile(tree + ".pdf"),
                PdfFileFormat.valueOf(tree), features, new PhoneTranslator(voiceFile("trickyPhones.txt")));
    }

    /** The whole tree as text: each decision's question and daughters, each leaf's means and variances. */
    private static String describe(Node node) {
        if (node instanceof DecisionNode decision) {
            StringBuilder text = new StringBuilder("(").append(decision.getUniqueDecisionNodeId()).append(' ')
                    .append(decision.getNodeDefinition());
            for (int daughter = 0; daughter < decision.getNumberOfDaugthers(); daughter++) {
                text.append(' ').append(describe(decision.getDaughter(daughter)));
            }
            return text.append(')').toString();
        }
        PdfLeafNode leaf = (PdfLeafNode) node;
        return "[" + java.util.Arrays.toString(leaf.getMean()) + java.util.Arrays.toString(leaf.getVariance()) + "]";
    }

    private static InputStream voiceFile(String name) throws IOException {
        InputStream in = VoiceTreeOrderTest.class.getResourceAsStream(VOICE_FILES + name);
        if (in == null) {
            throw new IOException("no " + name + " in the voice's jar");
        }
        return in;
    }
}
