package dev.parley.stt;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.util.Collections;
import java.util.List;
import org.vosk.LibVosk;
import org.vosk.Model;

/**
 * The words a Vosk model knows. A grammar recognizer drops every word its model lacks with no more
 * than a warning on stderr, so a wake word of unknown words would never be heard and nobody told;
 * asking first lets Parley say so. Vosk's Java binding has no call for it, so {@code vosk_model_find_word}
 * is called on the library the binding loaded (the same instance: JNA keys it by the same name and
 * class loader, so nothing is loaded twice).
 */
final class VoskVocabulary {

    private VoskVocabulary() {}

    /** The words of {@code phrase} (as {@link VoskPhraseSpotter#normalize} writes them) that {@code model} lacks. */
    static List<String> unknownWords(Model model, String phrase) {
        Function findWord = library().getFunction("vosk_model_find_word");
        return List.of(phrase.split(" ")).stream()
                .filter(word -> findWord.invokeInt(new Object[] {model, word}) < 0)
                .distinct().toList();
    }

    private static NativeLibrary library() {
        // The name and options LibVosk registers with, so the library it loaded is the one found.
        return NativeLibrary.getInstance(Platform.isWindows() ? "libvosk" : "vosk",
                Collections.singletonMap(Library.OPTION_CLASSLOADER, LibVosk.class.getClassLoader()));
    }
}
