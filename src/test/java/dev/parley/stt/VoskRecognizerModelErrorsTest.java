package dev.parley.stt;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoskRecognizerModelErrorsTest {

    @TempDir
    Path folder;

    @Test
    void missingModelFolderNamesThePathAndTheFix() {
        Path missing = folder.resolve("no-such-model");

        assertThatThrownBy(() -> VoskRecognizer.load(missing))
                .isInstanceOf(SpeechModelException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("reinstall Parley").hasMessageContaining("./mvnw generate-resources")
                .hasMessageContaining("stt.model-path");
    }

    @Test
    void folderThatIsNotAModelSaysWhatIsMissing() throws IOException {
        Files.writeString(folder.resolve("README"), "not a model");

        assertThatThrownBy(() -> VoskRecognizer.load(folder))
                .isInstanceOf(SpeechModelException.class)
                .hasMessageContaining("is not a Vosk model")
                .hasMessageContaining("am/final.mdl");
    }

    @Test
    void damagedModelFilesGiveAClearErrorInsteadOfACrash() throws IOException {
        Files.createDirectories(folder.resolve("am"));
        Files.createDirectories(folder.resolve("conf"));
        Files.writeString(folder.resolve("am/final.mdl"), "garbage");
        Files.writeString(folder.resolve("conf/model.conf"), "--sample-frequency=16000\n");

        assertThatThrownBy(() -> VoskRecognizer.load(folder))
                .isInstanceOf(SpeechModelException.class)
                .hasMessageContaining(folder.toString());
    }
}
