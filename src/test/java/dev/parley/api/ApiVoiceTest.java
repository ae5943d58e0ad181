package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.audio.Speaker;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's voice over real HTTP: {@code /speak} and spoken asks with the real MaryTTS voice on the
 * real output device (the null sink on CI), {@code /transcribe} with the real Vosk model.
 */
@Tag("audio")
class ApiVoiceTest {

    private static final Path WEATHER = Path.of("src/test/resources/audio/weather-16k-s16-mono.wav");
    private static final Path WEATHER_STEREO_48K = Path.of("src/test/resources/audio/weather-48k-s16-stereo.wav");

    @TempDir
    Path folder;

    @BeforeAll
    static void needsAnOutputDevice() {
        if (!Boolean.getBoolean("parley.requireAudio")) {
            assumeThat(Speaker.outputDeviceNames()).as("an audio output device").isNotEmpty();
        }
    }

    @Test
    void speakSaysTheTextAloudAndAnswersOnceItWasHeard() throws Exception {
        try (ApiHarness api = ApiHarness.speaking(folder, Reply.of("unused"))) {
            List<VoiceEvent> events = new CopyOnWriteArrayList<>();
            api.assistant.subscribe(events::add);

            HttpResponse<String> response = api.send("POST", "/speak", "{\"text\":\"The laundry is done.\"}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(ApiJson.MAPPER.readTree(response.body()).path("heard").asText()).isEqualTo("The laundry is done.");
            assertThat(events).filteredOn(VoiceEvent.StateChanged.class::isInstance)
                    .extracting(e -> ((VoiceEvent.StateChanged) e).to())
                    .containsExactly(VoiceState.THINKING, VoiceState.SPEAKING, VoiceState.IDLE);
            assertThat(events.stream().map(e -> e.getClass().getSimpleName()).toList())
                    .containsSubsequence("AudioStarted", "Heard");
            // An announcement, not a turn of the dialogue: neither the model nor the conversation saw it.
            assertThat(api.llm.requests()).isEmpty();
            assertThat(api.assistant.conversation().turnCount()).isZero();
        }
    }

    /** Text given to be said is not a model's markdown: brackets, tags and marks reach the voice, which says them. */
    @Test
    void speakSaysBracketsTagsAndMarksAsWrittenNotAsMarkdown() throws Exception {
        String text = "See note [1]. Then x[i] = a < b, <b>bold</b> and *stars*.\\n- 5 degrees.";
        try (ApiHarness api = ApiHarness.speaking(folder, Reply.of("unused"))) {
            HttpResponse<String> response = api.send("POST", "/speak", "{\"text\":\"" + text + "\"}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(ApiJson.MAPPER.readTree(response.body()).path("heard").asText())
                    .isEqualTo("See note [1]. Then x[i] = a < b, <b>bold</b> and *stars*. - 5 degrees.");
        }
    }

    @Test
    void stopCutsASpokenTextOffAndSpeakSaysSo() throws Exception {
        try (ApiHarness api = ApiHarness.speaking(folder, Reply.of("unused"))) {
            CompletableFuture<VoiceEvent> speaking = api.entering(VoiceState.SPEAKING);
            CompletableFuture<HttpResponse<String>> speak = api.http.sendAsync(api.request("/speak")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"This is a long announcement. It goes on"
                            + " for a while. Then it goes on some more, so that there is time to stop it.\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            ApiHarness.await(speaking);

            assertThat(api.send("POST", "/stop", "").statusCode()).isEqualTo(204);

            HttpResponse<String> response = ApiHarness.await(speak);
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.body()).contains("not spoken to its end");
        }
    }

    @Test
    void aSpeakWhoseCallerLeavesIsCutOffAndAnAskMayFollowAtOnce() throws Exception {
        try (ApiHarness api = ApiHarness.speaking(folder, Reply.of("Here."))) {
            CompletableFuture<VoiceEvent> speaking = api.entering(VoiceState.SPEAKING);
            CompletableFuture<VoiceEvent> interrupted = api.first(VoiceEvent.Interrupted.class::isInstance);
            // Far longer than the wait below: spoken to its end, it would hold the place that whole time.
            String announcement = "This announcement goes on and on. ".repeat(60);
            byte[] body = ("{\"text\":\"" + announcement + "\"}").getBytes(StandardCharsets.UTF_8);
            try (Socket caller = new Socket("127.0.0.1", api.server.port())) {
                OutputStream out = caller.getOutputStream();
                out.write(("POST " + ApiServer.PREFIX + "/speak HTTP/1.1\r\nHost: 127.0.0.1:" + api.server.port()
                        + "\r\nAuthorization: Bearer " + api.token.value() + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                ApiHarness.await(speaking);
            } // the caller leaves mid-speech

            VoiceEvent.Interrupted cut = (VoiceEvent.Interrupted) ApiHarness.await(interrupted);
            assertThat(cut.heard()).hasSizeLessThan(announcement.strip().length());
            HttpResponse<String> next = api.send("POST", "/ask", "{\"text\":\"Next\",\"speak\":false}");
            assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        }
    }

    @Test
    void anAskIsSpokenWhenParleyHasAVoiceAndItsTimingsReachTheFirstSound() throws Exception {
        try (ApiHarness api = ApiHarness.speaking(folder, Reply.of("It is sunny.", " Take a hat."))) {
            HttpResponse<String> spoken = api.ask("Weather?");
            HttpResponse<String> quiet = api.send("POST", "/ask", "{\"text\":\"Again?\",\"speak\":false}");

            assertThat(spoken.statusCode()).as(spoken.body()).isEqualTo(200);
            JsonNode timings = ApiJson.MAPPER.readTree(spoken.body()).path("timings");
            assertThat(timings.path("firstSoundMs").asLong()).isPositive();
            assertThat(quiet.statusCode()).as(quiet.body()).isEqualTo(200);
            assertThat(ApiJson.MAPPER.readTree(quiet.body()).path("timings").path("firstSoundMs").asLong())
                    .as("a text-only answer makes no sound").isNegative();
        }
    }

    @Test
    void aFinishedTimerIsSaidAloudOnceParleyIsIdle() throws Exception {
        try (ApiHarness api = ApiHarness.speaking(folder,
                Reply.toolCall("set_timer", "{\"seconds\": 1, \"label\": \"tea\"}"), Reply.of("Tea timer set."))) {
            CompletableFuture<VoiceEvent> said = api.first(event -> event instanceof VoiceEvent.Heard heard && heard.text().equals("Your tea timer is done."));

            assertThat(api.ask("Tea in one second").statusCode()).isEqualTo(200);

            assertThat(ApiHarness.await(said)).isNotNull();
        }
    }

    @Test
    void transcribeHearsARecordedQuestionInAnyPcmWav() throws Exception {
        try (ApiHarness api = ApiHarness.speaking(folder, Reply.of("unused"))) {
            for (Path wav : List.of(WEATHER, WEATHER_STEREO_48K)) {
                HttpResponse<String> response = api.http.send(api.request("/transcribe")
                        .header("Content-Type", "audio/wav").POST(HttpRequest.BodyPublishers.ofFile(wav)).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode body = ApiJson.MAPPER.readTree(response.body());
                assertThat(body.path("text").asText()).as(wav.toString()).contains("weather");
                assertThat(body.path("seconds").asDouble()).isPositive();
            }
        }
    }
}
