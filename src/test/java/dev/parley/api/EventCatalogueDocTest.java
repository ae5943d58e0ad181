package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.llm.FinishReason;
import dev.parley.pipeline.TurnEvent;
import dev.parley.pipeline.TurnTimings;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The event table of docs/api.md against what the streams send: API clients are written from that
 * table, so a type or field it does not name, or one it names that never comes, is a client bug.
 */
class EventCatalogueDocTest {

    /** Fields every event has, described once above the table rather than in each row. */
    private static final Set<String> COMMON = Set.of("seq", "time", "type", "turn", "truncated");

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private static final TurnEvent.Completed ANSWER = new TurnEvent.Completed(1, "Hi.", "", "local", 3, 2,
            FinishReason.STOP);

    /** One event of every kind the assistant reports, as {@link EventJson} writes it. */
    private static final List<VoiceEvent> ONE_OF_EACH = List.of(
            new VoiceEvent.StateChanged(VoiceState.IDLE, VoiceState.THINKING, 1, ""),
            new VoiceEvent.Level(-30),
            new VoiceEvent.MicrophoneStatus("No microphone.", "pactl list sources"),
            new VoiceEvent.WakeWordHeard(1),
            new VoiceEvent.PartialTranscript(1, "what"),
            new VoiceEvent.FinalTranscript(1, "what time"),
            new VoiceEvent.Reply(new TurnEvent.Started(1, "what time", "local")),
            new VoiceEvent.Reply(new TurnEvent.Text(1, "It is")),
            new VoiceEvent.Reply(new TurnEvent.Reasoning(1, "The user")),
            new VoiceEvent.Reply(new TurnEvent.ToolCallStarted(1, "current_time", "{}")),
            new VoiceEvent.Reply(new TurnEvent.ToolCallFinished(1, "current_time", "{}", "14:02")),
            new VoiceEvent.Reply(new TurnEvent.Written(1)),
            new VoiceEvent.Reply(new TurnEvent.Chunk(1, "It is two.")),
            new VoiceEvent.Reply(ANSWER),
            new VoiceEvent.Reply(new TurnEvent.Failed(1, "The model failed.", "")),
            new VoiceEvent.AudioStarted(1),
            new VoiceEvent.Heard(1, "It is"),
            new VoiceEvent.Interrupted(1, "It is"),
            new VoiceEvent.TimerDone("tea", "Your tea timer is done.", false),
            new VoiceEvent.ProviderChanged("local", "local (ollama)"),
            new VoiceEvent.SpeechPartChange("voice", VoiceEvent.SpeechPartChange.Step.LOADING, ""),
            new VoiceEvent.ProviderHealth("local", true, ""),
            new VoiceEvent.BudgetWarning("usage.budget.daily", "80 % of the daily budget is spent."),
            new VoiceEvent.Waterfall(1, new TurnTimings(-1, 100, 120, 140, 160, 300), ANSWER),
            new VoiceEvent.Waterfall(1, new TurnTimings(-1, 100, -1, -1, -1, 300)));

    @Test
    void theSamplesCoverEveryKindOfEvent() {
        Set<Class<?>> sampled = ONE_OF_EACH.stream()
                .map(event -> event instanceof VoiceEvent.Reply reply ? reply.event().getClass() : event.getClass())
                .collect(Collectors.toSet());

        assertThat(sampled).containsAll(permitted(VoiceEvent.class).stream()
                .filter(kind -> kind != VoiceEvent.Reply.class).toList());
        assertThat(sampled).containsAll(permitted(TurnEvent.class));
    }

    @Test
    void everyEventTypeSentIsInTheTableAndEveryTypeInTheTableIsSent() throws IOException {
        Map<String, Set<String>> documented = documentedEvents();

        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(sent().keySet());
    }

    @Test
    void everyFieldAnEventCarriesIsNamedInItsRow() throws IOException {
        Map<String, Set<String>> documented = documentedEvents();

        sent().forEach((type, fields) -> assertThat(documented.getOrDefault(type, Set.of()))
                .as("fields docs/api.md names for '%s'", type).containsAll(fields));
    }

    private static Map<String, Set<String>> sent() {
        Map<String, Set<String>> sent = new HashMap<>();
        for (VoiceEvent event : ONE_OF_EACH) {
            add(sent, EventJson.of(1, Instant.EPOCH, event));
        }
        add(sent, (ObjectNode) ApiJson.MAPPER.valueToTree(read(EventJson.dropped(3, Instant.EPOCH))));
        return sent;
    }

    private static void add(Map<String, Set<String>> sent, ObjectNode json) {
        Set<String> fields = new TreeSet<>();
        json.fieldNames().forEachRemaining(fields::add);
        fields.removeAll(COMMON);
        sent.computeIfAbsent(json.get("type").asText(), type -> new TreeSet<>()).addAll(fields);
    }

    private static JsonNode read(String json) {
        try {
            return ApiJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The rows of the table under "Live events": type cell, fields cell. A row for two types
     * ({@code tool.started} / {@code tool.finished}) splits its fields at the same "/"; a fields cell
     * naming another row's type ("the fields of {@code llm.done}") takes that row's fields too.
     */
    private static Map<String, Set<String>> documentedEvents() throws IOException {
        String api = Files.readString(Path.of("docs/api.md"));
        String section = api.substring(api.indexOf("## Live events"), api.indexOf("## Examples"));
        Map<String, Set<String>> rows = new HashMap<>();
        for (String line : section.lines().filter(line -> line.startsWith("| `")).toList()) {
            String[] cells = line.split(" \\| ");
            String[] types = cells[0].substring(1).split(" / ");
            String[] fieldGroups = cells[1].split(" / ");
            for (int i = 0; i < types.length; i++) {
                String group = types.length == fieldGroups.length ? fieldGroups[i] : cells[1];
                rows.put(codes(types[i]).getFirst(), new TreeSet<>(codes(group)));
            }
        }
        Map<String, Set<String>> documented = new HashMap<>();
        rows.forEach((type, fields) -> {
            Set<String> all = new TreeSet<>(fields);
            fields.stream().filter(rows::containsKey).forEach(other -> all.addAll(rows.get(other)));
            documented.put(type, all);
        });
        return documented;
    }

    private static List<String> codes(String text) {
        Matcher matcher = CODE.matcher(text);
        return matcher.results().map(result -> result.group(1)).toList();
    }

    private static List<Class<?>> permitted(Class<?> sealed) {
        return Arrays.asList(sealed.getPermittedSubclasses());
    }
}
