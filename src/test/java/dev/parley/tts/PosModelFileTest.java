package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MaryTTS's English part-of-speech model, converted and read back, tags as the original does. */
class PosModelFileTest {

    private static POSModel original;
    private static byte[] converted;

    @BeforeAll
    static void convert() throws IOException {
        try (InputStream model = PosModelFileTest.class.getResourceAsStream(PosModelFile.MARYTTS_ENGLISH_MODEL)) {
            original = new POSModel(model);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PosModelFile.write(original, out);
        converted = out.toByteArray();
    }

    @Test
    void tagsEverySentenceAsTheOriginalModel() throws IOException {
        POSTaggerME before = new POSTaggerME(original);
        POSTaggerME after = new POSTaggerME(PosModelFile.read(new ByteArrayInputStream(converted)));

        for (String sentence : List.of("I can see the dog .", "She quickly read the old books about $ and record a record .",
                "Does the wind wind around the tower ?", "Lead the team ; the pipe is made of lead .",
                "Visit Berlin on 12 May , or call Müller at five .", "Yes", "the the the of of ? !")) {
            String[] words = sentence.split(" ");
            assertThat(after.tag(words)).as(sentence).containsExactly(before.tag(words));
        }
    }

    @Test
    void keepsTheTagDictionary() throws IOException {
        POSModel read = PosModelFile.read(new ByteArrayInputStream(converted));

        for (String word : List.of("brave", "champions", "lead", "record", "\"")) {
            assertThat(read.getTagDictionary().getTags(word)).as(word)
                    .containsExactly(original.getTagDictionary().getTags(word));
        }
    }

    @Test
    void refusesAFileItDidNotWrite() {
        assertThatThrownBy(() -> PosModelFile.read(new ByteArrayInputStream("GIS model".getBytes())))
                .isInstanceOf(IOException.class);
    }

    @Test
    void refusesATruncatedOrDamagedFileWithoutAskingForGigabytes() {
        byte[] truncated = Arrays.copyOf(converted, converted.length / 2);
        assertThatThrownBy(() -> PosModelFile.read(new ByteArrayInputStream(truncated))).isInstanceOf(IOException.class);

        byte[] damaged = converted.clone();
        int outcomeCount = 2 + "parley-pos-model 1".length() + 4 + 8; // the first count after the header
        damaged[outcomeCount] = (byte) 0x7f;
        assertThatThrownBy(() -> PosModelFile.read(new ByteArrayInputStream(damaged)))
                .isInstanceOf(IOException.class).hasMessageContaining("damaged");
    }
}
