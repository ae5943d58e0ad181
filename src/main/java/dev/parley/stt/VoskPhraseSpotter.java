package dev.parley.stt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.audio.AudioClip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * A {@link PhraseSpotter} on a Vosk recognizer restricted to a grammar: the phrase, each of its
 * words alone, known sound-alikes of the default "hey parley", and {@code [unk]}. With only the
 * phrase and {@code [unk]}, Vosk hears "hey barley" or "hey harley" as the phrase; offering the
 * sound-alikes as alternatives lets them win instead (docs/stack-notes: 2 of 5 false accepts
 * without, 0 with). Word times tell where the phrase ended, so the question that follows it in the
 * same breath can be transcribed on its own.
 */
final class VoskPhraseSpotter implements PhraseSpotter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SOUND_ALIKES = List.of("hey barley", "hey harley", "hey charlie", "hey carly",
            "parsley", "hey party");

    private final Recognizer recognizer;
    private final List<String> words;
    private final List<String> heard = new ArrayList<>();
    private double phraseEnd = -1;
    private boolean decided;

    VoskPhraseSpotter(Model model, String phrase) throws IOException {
        this.words = List.of(normalize(phrase).split(" "));
        this.recognizer = new Recognizer(model, SpeechRecognizer.SAMPLE_RATE, grammar(String.join(" ", words)));
        recognizer.setWords(true);
    }

    /** Lower case, letters, digits and apostrophes, one space between words. */
    static String normalize(String phrase) {
        return phrase.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]", " ").strip().replaceAll(" +", " ");
    }

    static String grammar(String phrase) {
        Set<String> alternatives = new LinkedHashSet<>();
        alternatives.add(phrase);
        alternatives.addAll(List.of(phrase.split(" ")));
        SOUND_ALIKES.stream().filter(alike -> !alike.equals(phrase)).forEach(alternatives::add);
        alternatives.add("[unk]");
        StringBuilder json = new StringBuilder("[");
        for (String alternative : alternatives) {
            json.append(json.length() > 1 ? ", " : "").append('"').append(alternative).append('"');
        }
        return json.append(']').toString();
    }

    @Override
    public OptionalDouble accept(float[] samples) {
        byte[] pcm = new AudioClip(samples, SpeechRecognizer.SAMPLE_RATE).toPcm16le();
        if (recognizer.acceptWaveForm(pcm, pcm.length)) {
            take(recognizer.getResult());
        }
        return found();
    }

    @Override
    public OptionalDouble endSegment() {
        take(recognizer.getFinalResult());
        OptionalDouble found = found();
        recognizer.reset();
        heard.clear();
        phraseEnd = -1;
        decided = false;
        return found;
    }

    /** Words of a result, in order; the phrase counts only as the segment's first words. */
    private void take(String resultJson) {
        if (decided) {
            return;
        }
        JsonNode result;
        try {
            result = JSON.readTree(resultJson).path("result");
        } catch (IOException e) {
            throw new UncheckedIOException("Vosk returned unreadable JSON: " + resultJson, e);
        }
        for (JsonNode word : result) {
            heard.add(word.path("word").asText());
            if (heard.size() == words.size()) {
                decided = true;
                if (heard.equals(words)) {
                    phraseEnd = word.path("end").asDouble();
                }
                return;
            }
        }
    }

    private OptionalDouble found() {
        return phraseEnd >= 0 ? OptionalDouble.of(phraseEnd) : OptionalDouble.empty();
    }

    @Override
    public void close() {
        recognizer.close();
    }
}
