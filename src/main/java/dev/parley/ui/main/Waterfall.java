package dev.parley.ui.main;

import dev.parley.pipeline.TurnTimings;
import java.util.ArrayList;
import java.util.List;

/** A turn's latency waterfall as rows to draw: each stage, when it ended, in ms from the end of speech. */
public record Waterfall(List<Row> rows, long totalMs) {

    public record Row(String stage, long startMs, long endMs) {}

    public static Waterfall of(TurnTimings timings) {
        List<Row> rows = new ArrayList<>();
        long previous = 0;
        previous = add(rows, "speech to text", previous, timings.sttMs());
        previous = add(rows, "first token", previous, timings.llmFirstTokenMs());
        previous = add(rows, "first chunk", previous, timings.firstChunkMs());
        previous = add(rows, "first audio", previous, timings.firstAudioMs());
        previous = add(rows, "first sound", previous, timings.firstSoundMs());
        add(rows, "reply done", previous, timings.totalMs());
        return new Waterfall(List.copyOf(rows), Math.max(0, timings.totalMs()));
    }

    private static long add(List<Row> rows, String stage, long from, long at) {
        if (at < 0) {
            return from;
        }
        rows.add(new Row(stage, Math.min(from, at), at));
        return at;
    }

    /** One line for a tooltip or the status bar: "stt 310 · first token 820 · … ms". */
    public String summary() {
        StringBuilder text = new StringBuilder();
        for (Row row : rows) {
            if (!text.isEmpty()) {
                text.append(" · ");
            }
            text.append(row.stage()).append(' ').append(row.endMs()).append(" ms");
        }
        return text.toString();
    }
}
