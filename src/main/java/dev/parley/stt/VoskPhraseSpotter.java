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
 * without, 0 with). The price is voices with a soft "p": their "hey parley" comes out as its voiced
 * twin "hey barley" by a hair. So the recognizer gives its {@value #ALTERNATIVES} best readings, and
 * the voiced twin ({@link #voicedTwin}) beating the phrase by at most {@value #TWIN_MARGIN} (Vosk's
 * score, a log-likelihood) still counts as the phrase: when "hey barley" is really said, the phrase
 * is not among the best readings at all. Other decoys win outright: a close "hey party" is far more
 * often "hey party" (ADR 0011). Word times tell where the phrase ended, so the question that follows
 * it in the same breath can be transcribed on its own.
 */
final class VoskPhraseSpotter implements PhraseSpotter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SOUND_ALIKES = List.of("hey barley", "hey harley", "hey charlie", "hey carly",
            "parsley", "hey party", "hey paul");
    /** Readings of each result compared; the phrase behind its twin was within the 3 best in every case seen. */
    static final int ALTERNATIVES = 5;
    /**
     * How far (Vosk's score) the voiced twin may lead the phrase and the phrase still count. Chosen
     * on the shipped clips: soft "p" voices trail by 0.2-0.5; a said "hey barley" leaves the phrase
     * out of the 10 best.
     */
    static final double TWIN_MARGIN = 2.0;

    private final Recognizer recognizer;
    private final List<String> words;
    private final List<String> twin;
    private final List<String> heard = new ArrayList<>();
    private double phraseEnd = -1;
    private boolean decided;

    VoskPhraseSpotter(Model model, String phrase) throws IOException {
        this.words = List.of(normalize(phrase).split(" "));
        this.twin = List.of(voicedTwin(String.join(" ", words)).split(" "));
        this.recognizer = new Recognizer(model, SpeechRecognizer.SAMPLE_RATE, grammar(String.join(" ", words)));
        recognizer.setWords(true);
        recognizer.setMaxAlternatives(ALTERNATIVES);
    }

    /** Lower case, letters, digits and apostrophes, one space between words. */
    static String normalize(String phrase) {
        return phrase.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]", " ").strip().replaceAll(" +", " ");
    }

    /**
     * The phrase with each word's first sound, if an unvoiced stop, voiced (p to b, t to d, k or a hard
     * c to g): what a soft stop is heard as ("hey parley" to "hey barley"). From the spelling, so
     * "ph", "th" and a soft c stay. The phrase itself when it has none.
     */
    static String voicedTwin(String phrase) {
        StringBuilder twin = new StringBuilder();
        for (String word : phrase.split(" ")) {
            String rest = word.substring(1);
            String first = switch (word.charAt(0)) {
                case 'p' -> rest.startsWith("h") ? "p" : "b";
                case 't' -> rest.startsWith("h") ? "t" : "d";
                case 'k' -> "g";
                case 'c' -> rest.isEmpty() || "eiyh".indexOf(rest.charAt(0)) >= 0 ? "c" : "g";
                default -> word.substring(0, 1);
            };
            twin.append(twin.isEmpty() ? "" : " ").append(first).append(rest);
        }
        return twin.toString();
    }

    static String grammar(String phrase) {
        Set<String> alternatives = new LinkedHashSet<>();
        alternatives.add(phrase);
        alternatives.addAll(List.of(phrase.split(" ")));
        alternatives.add(voicedTwin(phrase));
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

    /**
     * Words of a result, in order; the phrase counts only as the segment's first words, read from the
     * best reading, or from a close runner-up when the best starts with the phrase's voiced twin.
     */
    private void take(String resultJson) {
        if (decided) {
            return;
        }
        JsonNode readings;
        try {
            readings = JSON.readTree(resultJson).path("alternatives");
        } catch (IOException e) {
            throw new UncheckedIOException("Vosk returned unreadable JSON: " + resultJson, e);
        }
        if (readings.isEmpty()) {
            return;
        }
        boolean segmentStart = heard.isEmpty();
        for (JsonNode word : readings.get(0).path("result")) {
            heard.add(word.path("word").asText());
            if (heard.size() == words.size()) {
                decided = true;
                if (heard.equals(words)) {
                    phraseEnd = word.path("end").asDouble();
                } else if (segmentStart && heard.equals(twin) && !twin.equals(words)) {
                    phraseEnd = closeRunnerUp(readings);
                }
                return;
            }
        }
    }

    /** Where the phrase ends in a reading scoring within {@link #TWIN_MARGIN} of the best; -1 if none. */
    private double closeRunnerUp(JsonNode readings) {
        double best = readings.get(0).path("confidence").asDouble();
        for (JsonNode reading : readings) {
            if (best - reading.path("confidence").asDouble() > TWIN_MARGIN) {
                return -1;
            }
            JsonNode result = reading.path("result");
            if (result.size() >= words.size() && startsWithPhrase(result)) {
                return result.get(words.size() - 1).path("end").asDouble();
            }
        }
        return -1;
    }

    private boolean startsWithPhrase(JsonNode result) {
        for (int i = 0; i < words.size(); i++) {
            if (!result.get(i).path("word").asText().equals(words.get(i))) {
                return false;
            }
        }
        return true;
    }

    private OptionalDouble found() {
        return phraseEnd >= 0 ? OptionalDouble.of(phraseEnd) : OptionalDouble.empty();
    }

    @Override
    public void close() {
        recognizer.close();
    }
}
