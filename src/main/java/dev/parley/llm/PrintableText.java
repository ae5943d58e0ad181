package dev.parley.llm;

/**
 * Text from an outside program, made fit for one log line or message: shortened, and control and
 * direction-changing characters written as {@code \\uXXXX}, so a hostile name can neither break
 * the line nor turn the text around it.
 */
final class PrintableText {

    private PrintableText() {}

    static String of(String text, int maxChars) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(maxChars).forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > maxChars ? shown + "…" : shown.toString();
    }
}
