package dev.parley.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns markdown into the words a listener should hear. Language models answer in markdown even when
 * asked not to, and a synthesizer would otherwise read out asterisks, pound signs and URLs.
 *
 * <p>Code blocks are dropped whole: read aloud they are noise. Inline code keeps its text. Links keep
 * their text, images are dropped, tables are read cell by cell. Emphasis marks are removed where they
 * touch a word edge, which needs no pairing: {@code **bo} and {@code ld**} lose their marks separately, so
 * a chunk cut inside emphasis still reads cleanly, while marks inside a word ({@code snake_case},
 * {@code 2*3*4}) and a lone spaced {@code *} ({@code 2 * 3}) stay.
 */
public final class MarkdownToSpeech {

    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]\\n]*]\\([^)\\n]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]*)]\\([^)\\n]*\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("\\[([^\\]\\n]+)]\\[[^\\]\\n]*]");
    /** The target of a link whose text went to the previous chunk. */
    private static final Pattern LINK_TARGET_TAIL = Pattern.compile("]\\([^)\\s]*\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto):[^>\\s]+)>");
    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>");
    /** The optional closing marks of a heading: "## Title ##". */
    private static final Pattern CLOSING_HASHES = Pattern.compile("(?:^|\\s)#+\\s*$");
    private static final Pattern TABLE_SEPARATOR_CELL = Pattern.compile(":?-+:?");

    private MarkdownToSpeech() {}

    /**
     * The speakable text of a complete markdown fragment, whitespace collapsed to single spaces. Lines are
     * joined with a space; an unterminated code block runs to the end and is dropped.
     */
    public static String toSpeech(String markdown) {
        List<String> spoken = new ArrayList<>();
        MarkdownLine.Fence openFence = null;
        for (String line : markdown.replace("\r", "").split("\n", -1)) {
            if (openFence != null) {
                if (openFence.isClosedBy(line)) {
                    openFence = null;
                }
                continue;
            }
            openFence = MarkdownLine.Fence.openedBy(line);
            if (openFence != null) {
                continue;
            }
            MarkdownLine.Start start = MarkdownLine.classify(line, 0, true);
            if (start.kind() == MarkdownLine.Kind.RULE) {
                continue;
            }
            String words = inlineToSpeech(line.substring(start.contentStart()));
            if (!words.isEmpty()) {
                spoken.add(words);
            }
        }
        return String.join(" ", spoken);
    }

    /**
     * The speakable text of a piece whose line markers are already gone (the chunker removes them as
     * lines arrive): only inline syntax is stripped, so a piece starting mid-line with "- " or "1. "
     * keeps those characters.
     */
    static String inlineToSpeech(String text) {
        String s = text;
        // The chunker calls this for every chunk; most have no links or tags, so skip those patterns cheaply.
        if (s.indexOf(']') >= 0) {
            s = IMAGE.matcher(s).replaceAll("");
            s = LINK.matcher(s).replaceAll("$1");
            s = REFERENCE_LINK.matcher(s).replaceAll("$1");
            s = LINK_TARGET_TAIL.matcher(s).replaceAll("");
        }
        if (s.indexOf('<') >= 0) {
            s = AUTOLINK.matcher(s).replaceAll("$1");
            s = HTML_TAG.matcher(s).replaceAll(" ");
        }
        if (s.indexOf('#') >= 0) {
            s = CLOSING_HASHES.matcher(s).replaceAll("");
        }
        s = withoutMarks(s);
        if (s.indexOf('|') >= 0) {
            s = tableCells(s);
        }
        return collapseWhitespace(s);
    }

    /** Whether a chunk has anything to say: punctuation and markup alone are silent. */
    static boolean isSpeakable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Drops emphasis marks at word edges, backticks and stray brackets. */
    private static String withoutMarks(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int at = 0;
        while (at < s.length()) {
            char c = s.charAt(at);
            if (c == '`' || c == '[' || c == ']') {
                at++; // inline code keeps its text; a bracket left from a link cut in two is silent anyway
                continue;
            }
            if (c != '*' && c != '_' && c != '~') {
                out.append(c);
                at++;
                continue;
            }
            int runEnd = at;
            while (runEnd < s.length() && s.charAt(runEnd) == c) {
                runEnd++;
            }
            if (keepsMarks(s, c, at, runEnd)) {
                out.append(s, at, runEnd);
            }
            at = runEnd;
        }
        return out.toString();
    }

    private static boolean keepsMarks(String s, char mark, int start, int end) {
        int length = end - start;
        if (mark == '~' && length == 1) {
            return true; // "~5 minutes" means about; strikethrough is "~~"
        }
        char before = start > 0 ? s.charAt(start - 1) : ' ';
        char after = end < s.length() ? s.charAt(end) : ' ';
        boolean insideWord = Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after);
        boolean spacedTimes = mark == '*' && length == 1 && start > 0 && end < s.length()
                && Character.isWhitespace(before) && Character.isWhitespace(after);
        return insideWord || spacedTimes;
    }

    static String collapseWhitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                pendingSpace = !out.isEmpty();
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Reads a table row as its cells separated by commas; separator cells ("---", ":-:") vanish. */
    private static String tableCells(String row) {
        List<String> cells = new ArrayList<>();
        for (String cell : row.split("\\|")) {
            String trimmed = cell.strip();
            if (!trimmed.isEmpty() && !TABLE_SEPARATOR_CELL.matcher(trimmed).matches()) {
                cells.add(trimmed);
            }
        }
        return String.join(", ", cells);
    }
}
