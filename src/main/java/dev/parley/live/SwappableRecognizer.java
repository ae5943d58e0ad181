package dev.parley.live;

import dev.parley.stt.PhraseSpotter;
import dev.parley.stt.RecognitionStream;
import dev.parley.stt.SpeechRecognizer;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The speech model in use, replaceable while Parley runs: each stream (one utterance) and each wake
 * word spotter is served by the model current when it started, to its end; a replaced model is closed
 * when its last stream and spotter are.
 */
public final class SwappableRecognizer implements SpeechRecognizer {

    private final Swappable<SpeechRecognizer> model;

    public SwappableRecognizer(SpeechRecognizer first) {
        this.model = new Swappable<>(first);
    }

    /** The next utterance is recognized by {@code next}; the one being recognized finishes on the old model. */
    public void replace(SpeechRecognizer next) {
        model.replace(next);
    }

    /** How many models are loaded: 2 while an utterance still finishes on a replaced one. */
    public int loadedModels() {
        return model.openParts();
    }

    @Override
    public RecognitionStream stream() {
        // may wait for the stream before it: keep no lock here
        return leased(part -> Optional.of(part.stream())).orElseThrow();
    }

    @Override
    public Optional<RecognitionStream> tryStream() {
        return leased(SpeechRecognizer::tryStream);
    }

    /** A stream {@code open} starts on the current model, which stays loaded until the stream ends. */
    private Optional<RecognitionStream> leased(Function<SpeechRecognizer, Optional<RecognitionStream>> open) {
        Swappable.Lease<SpeechRecognizer> lease = model.lease();
        Optional<RecognitionStream> opened;
        try {
            opened = open.apply(lease.part());
        } catch (RuntimeException | Error e) {
            lease.close();
            throw e;
        }
        if (opened.isEmpty()) {
            lease.close();
        }
        return opened.map(stream -> new RecognitionStream() {
            @Override
            public void accept(float[] samples) {
                stream.accept(samples);
            }

            @Override
            public String partial() {
                return stream.partial();
            }

            @Override
            public String finish() {
                try {
                    return stream.finish();
                } finally {
                    lease.close();
                }
            }

            @Override
            public void close() {
                try {
                    stream.close();
                } finally {
                    lease.close();
                }
            }
        });
    }

    @Override
    public PhraseSpotter spotter(String phrase) {
        Swappable.Lease<SpeechRecognizer> lease = model.lease();
        PhraseSpotter spotter;
        try {
            spotter = lease.part().spotter(phrase);
        } catch (RuntimeException | Error e) {
            lease.close();
            throw e;
        }
        return new PhraseSpotter() {
            @Override
            public OptionalDouble accept(float[] samples) {
                return spotter.accept(samples);
            }

            @Override
            public OptionalDouble endSegment() {
                return spotter.endSegment();
            }

            @Override
            public void close() {
                try {
                    spotter.close();
                } finally {
                    lease.close();
                }
            }
        };
    }

    @Override
    public void close() {
        model.close();
    }
}
