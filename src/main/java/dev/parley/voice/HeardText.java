package dev.parley.voice;

import dev.parley.audio.Playback;
import java.util.List;

/**
 * What the user heard of a spoken answer: every chunk played to its end, then the words of the chunk
 * playing when it stopped, in proportion to how much of its audio was played. Speech runs at a near
 * steady pace, so the proportion lands within a word or two.
 */
final class HeardText {

    private HeardText() {
    }

    static String of(List<String> chunks, Playback.Position position) {
        StringBuilder heard = new StringBuilder();
        int whole = Math.min(position.clip(), chunks.size());
        for (int i = 0; i < whole; i++) {
            append(heard, chunks.get(i));
        }
        if (position.clip() < chunks.size()) {
            append(heard, wordsBefore(chunks.get(position.clip()), position.fraction()));
        }
        return heard.toString();
    }

    /** The words that end before {@code fraction} of {@code text}; a word cut in the middle is left out. */
    static String wordsBefore(String text, double fraction) {
        int cut = (int) Math.floor(text.length() * Math.max(0, Math.min(1, fraction)));
        if (cut >= text.length()) {
            return text;
        }
        if (cut > 0 && !Character.isWhitespace(text.charAt(cut))) {
            int space = text.lastIndexOf(' ', cut);
            cut = Math.max(space, 0);
        }
        return text.substring(0, cut).strip();
    }

    private static void append(StringBuilder heard, String text) {
        if (text.isBlank()) {
            return;
        }
        if (!heard.isEmpty()) {
            heard.append(' ');
        }
        heard.append(text.strip());
    }
}
