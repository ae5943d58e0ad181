package dev.parley.api;

import dev.parley.ParleyException;
import dev.parley.audio.AudioClip;
import dev.parley.audio.AudioFormatException;
import dev.parley.audio.WavFiles;
import dev.parley.stt.SpeechRecognizer;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * {@code POST /transcribe}: a WAV body (at most 25 MB) → {@code {"text"}}, with the same WAV handling
 * as {@code parley transcribe}. Another media type is 415, a WAV it cannot read 422, a speech model
 * that cannot be loaded 503, and an upload while another is transcribed 429, each saying what to do.
 */
final class TranscribeRoute {

    static final long MAX_AUDIO_BYTES = RequestGuard.MAX_BODY_BYTES;
    private static final Set<String> WAV_TYPES = Set.of("audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave");

    private final Supplier<SpeechRecognizer> recognizer;
    private final Semaphore working = new Semaphore(1);

    /** @param recognizer the speech model, loaded on first use (seconds) */
    TranscribeRoute(Supplier<SpeechRecognizer> recognizer) {
        this.recognizer = recognizer;
    }

    void register(HttpRules rules) {
        rules.post("/transcribe", this::transcribe);
    }

    private void transcribe(ServerRequest request, ServerResponse response) throws IOException {
        String type = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        String mediaType = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!WAV_TYPES.contains(mediaType)) {
            throw new ApiProblem(415, "Unsupported media type", "Send the audio as a WAV file with"
                    + " 'Content-Type: audio/wav'" + (type.isEmpty() ? "." : ", not " + type + "."));
        }
        if (!request.content().hasEntity()) {
            throw new ApiProblem(422, "Unreadable audio", "The body is empty; send a WAV file.");
        }
        // One upload decoded and transcribed at a time: each holds up to 25 MB of audio as samples (~140 MB
        // of heap) and the recognizer answers one after the other anyway; twelve at once took 1.9 GB.
        if (!working.tryAcquire()) {
            throw ApiProblem.busy("Parley is transcribing other audio; send this again once that"
                    + " answer came (one upload at a time).");
        }
        try {
            transcribe(request.content().inputStream(), response);
        } finally {
            working.release();
        }
    }

    private void transcribe(InputStream entity, ServerResponse response) throws IOException {
        AudioClip audio;
        InputStream body = new LimitedInput(entity, MAX_AUDIO_BYTES);
        try {
            // A file name, since the message's sox command is for the caller to run on their own file.
            audio = WavFiles.readMono(body, "your-audio.wav");
        } catch (AudioFormatException e) {
            body.close();
            throw new ApiProblem(422, "Unreadable audio", "The uploaded audio is not usable: " + e.getMessage());
        } catch (LimitedInput.TooLarge e) {
            body.close();
            throw new ApiProblem(413, "Body too large", "Audio may have at most 25 MB (about 13 minutes of 16 kHz"
                    + " mono); send a shorter file.");
        } catch (RuntimeException malformed) {
            throw ApiJson.malformedChunks(malformed); // not closed, as in ApiJson.body
        }
        body.close();
        SpeechRecognizer speech;
        try {
            speech = recognizer.get();
        } catch (ParleyException e) {
            throw new ApiProblem(503, "No speech model", e.getMessage());
        }
        ApiJson.send(response, 200, ApiJson.object().put("text", speech.transcribe(audio))
                .put("seconds", Math.round(audio.durationSeconds() * 10) / 10.0));
    }
}
