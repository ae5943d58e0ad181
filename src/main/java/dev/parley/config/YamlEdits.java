package dev.parley.config;

import java.io.StringReader;
import java.util.List;
import dev.parley.text.UnicodeControls;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Edits the text of a YAML document in place, key by key. SnakeYAML parses the text into nodes
 * that know where they start and end; an edit replaces only the characters of the value it
 * changes, or inserts or deletes whole lines. Every other character — comments, blank lines,
 * quoting, key order, the folded system prompt — stays exactly as it was.
 *
 * <p>Setting a key to the value it already has changes nothing, so a save that changes one field
 * touches one line. New keys go after the last key of their section (after the comments that close
 * it); a commented-out example of the key there ({@code # embedded:}) is replaced by the real entry.
 * Removing a key removes the comment lines directly above it at its indentation, which describe it.
 * Rewriting the whole tree instead (SnakeYAML can dump comments) moves comments to other columns and
 * re-wraps folded text, which is why edits are made on the text.
 */
public final class YamlEdits {


    private static final int INDENT_STEP = 2;

    private String text;

    public YamlEdits(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Sets the key at {@code path} to a scalar (string, number or boolean), creating sections as needed. */
    public YamlEdits set(List<String> path, Object value) {
        Node root = parse();
        if (!(root instanceof MappingNode mapping)) {
            text = (text.isBlank() ? "" : text.endsWith("\n") ? text : text + "\n") + block(path, value, 0);
            return this;
        }
        setIn(mapping, path, value);
        return this;
    }

    /** Sets the key, or removes it when {@code value} is null or blank. */
    public YamlEdits setOrRemove(List<String> path, String value) {
        return value == null || value.isBlank() ? remove(path) : set(path, value.strip());
    }

    /** Removes the key at {@code path} with its value (the lines it spans); a missing key is no change. */
    public YamlEdits remove(List<String> path) {
        if (!(parse() instanceof MappingNode root)) {
            return this;
        }
        MappingNode parent = root;
        for (String key : path.subList(0, path.size() - 1)) {
            if (!(valueOf(parent, key) instanceof MappingNode child)) {
                return this;
            }
            parent = child;
        }
        NodeTuple tuple = tuple(parent, path.getLast());
        if (tuple == null) {
            return this;
        }
        if (parent.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            throw new ConfigException("Cannot remove " + String.join(".", path)
                    + ": its section is written in {...} style. Write it as one key per line.");
        }
        int from = commentsAbove(lineStart(at(tuple.getKeyNode().getStartMark())),
                tuple.getKeyNode().getStartMark().getColumn());
        text = text.substring(0, from) + text.substring(lineAfter(tuple.getValueNode()));
        return this;
    }

    /** Where the comment lines directly above a key, indented as the key, begin: they describe it and go with it. */
    private int commentsAbove(int keyLine, int column) {
        int from = keyLine;
        String indent = " ".repeat(column) + "#";
        while (from > 0) {
            int previous = lineStart(from - 1);
            if (!text.startsWith(indent, previous)) {
                break;
            }
            from = previous;
        }
        return from;
    }

    /** The keys of the mapping at {@code path} in file order; empty when it is missing. */
    public List<String> keys(List<String> path) {
        Node node = parse();
        for (String key : path) {
            node = node instanceof MappingNode mapping ? valueOf(mapping, key) : null;
        }
        if (!(node instanceof MappingNode mapping)) {
            return List.of();
        }
        return mapping.getValue().stream().map(t -> ((ScalarNode) t.getKeyNode()).getValue()).toList();
    }

    private void setIn(MappingNode mapping, List<String> path, Object value) {
        for (int i = 0; i < path.size(); i++) {
            NodeTuple tuple = tuple(mapping, path.get(i));
            boolean last = i == path.size() - 1;
            if (tuple == null) {
                insert(mapping, path.subList(i, path.size()), value);
                return;
            }
            Node node = tuple.getValueNode();
            if (last) {
                replace(path, node, value);
                return;
            }
            if (node instanceof MappingNode child) {
                mapping = child;
            } else if (node instanceof ScalarNode empty && (empty.getValue().isEmpty() || Tag.NULL.equals(empty.getTag()))) {
                // "section:" with nothing under it (or ~): the rest of the path goes under that key,
                // and a comment on its line stays there.
                int column = tuple.getKeyNode().getStartMark().getColumn() + INDENT_STEP;
                int end = at(empty.getEndMark());
                int lineEnd = lineEnd(end);
                String comment = text.substring(end, lineEnd).strip();
                int after = next(lineEnd);
                text = text.substring(0, at(empty.getStartMark())).stripTrailing()
                        + (comment.isEmpty() ? "" : " " + comment) + "\n"
                        + block(path.subList(i + 1, path.size()), value, column) + text.substring(after);
                return;
            } else {
                throw new ConfigException(String.join(".", path.subList(0, i + 1))
                        + " holds a value, not a section; cannot set " + String.join(".", path) + ".");
            }
        }
    }

    private void replace(List<String> path, Node node, Object value) {
        if (!(node instanceof ScalarNode scalar)) {
            throw new ConfigException(String.join(".", path) + " is a section or a list, not a single value.");
        }
        if (sameValue(scalar.getValue(), value)) {
            return;
        }
        int start = at(scalar.getStartMark());
        int end = at(scalar.getEndMark());
        // A block scalar (>-, |) ends after its line breaks and the blank lines that follow: keep those.
        end = start + text.substring(start, end).stripTrailing().length();
        text = text.substring(0, start) + scalar(value) + text.substring(end);
    }

    private void insert(MappingNode mapping, List<String> path, Object value) {
        if (mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            insertInFlow(mapping, path, value);
            return;
        }
        int column = mapping.getValue().getFirst().getKeyNode().getStartMark().getColumn();
        int at = afterClosingComments(lineAfter(mapping.getValue().getLast().getValueNode()), column);
        String lines = block(path, value, column);
        String example = " ".repeat(column) + "# " + path.getFirst() + ":";
        int exampleStart = commentedExample(at, example);
        if (exampleStart >= 0) {
            int exampleEnd = exampleEnd(exampleStart, " ".repeat(column) + "#   ");
            text = text.substring(0, exampleStart) + lines + text.substring(exampleEnd);
        } else {
            text = text.substring(0, at) + lines + text.substring(at);
        }
    }

    private void insertInFlow(MappingNode mapping, List<String> path, Object value) {
        String entry = path.size() == 1 ? path.getFirst() + ": " + scalar(value)
                : path.getFirst() + ": {" + flow(path.subList(1, path.size()), value) + "}";
        int close = text.lastIndexOf('}', at(mapping.getEndMark()));
        String separator = mapping.getValue().isEmpty() ? "" : ", ";
        text = text.substring(0, close) + separator + entry + text.substring(close);
    }

    private static String flow(List<String> path, Object value) {
        return path.size() == 1 ? path.getFirst() + ": " + scalar(value)
                : path.getFirst() + ": {" + flow(path.subList(1, path.size()), value) + "}";
    }

    /** The lines "key:" nested down {@code path}, ending in "last: value", each with its line break. */
    private static String block(List<String> path, Object value, int column) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            lines.append(" ".repeat(column + i * INDENT_STEP)).append(path.get(i)).append(':');
            lines.append(i == path.size() - 1 ? " " + scalar(value) + "\n" : "\n");
        }
        return lines.toString();
    }

    /**
     * Skips the comment lines indented at least {@code column} that follow a section's last key: they
     * still belong to the section (the shipped file closes {@code providers} with a commented example).
     * Blank lines before the next section stay before it.
     */
    private int afterClosingComments(int from, int column) {
        int position = from;
        int scan = from;
        while (scan < text.length()) {
            int end = lineEnd(scan);
            String line = text.substring(scan, end);
            if (line.isBlank()) {
                scan = next(end);
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            if (!line.stripLeading().startsWith("#") || indent < column) {
                break;
            }
            scan = next(end);
            position = scan;
        }
        return position;
    }

    /** The start of a line reading exactly {@code example} between the section's last key and {@code before}. */
    private int commentedExample(int before, String example) {
        int found = -1;
        int scan = lineStart(Math.max(0, before - 1));
        while (scan > 0) {
            int start = lineStart(scan - 1);
            String line = text.substring(start, lineEnd(start));
            if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                break;
            }
            if (line.stripTrailing().equals(example)) {
                found = start;
            }
            scan = start;
        }
        return found;
    }

    private int exampleEnd(int exampleStart, String continuation) {
        int scan = next(lineEnd(exampleStart));
        while (scan < text.length() && text.startsWith(continuation, scan)) {
            scan = next(lineEnd(scan));
        }
        return scan;
    }

    /** The start of the line after the last line {@code node} is written on. */
    private int lineAfter(Node node) {
        if (node instanceof MappingNode mapping && mapping.getFlowStyle() != DumperOptions.FlowStyle.FLOW
                && !mapping.getValue().isEmpty()) {
            return lineAfter(mapping.getValue().getLast().getValueNode());
        }
        if (node instanceof SequenceNode sequence && sequence.getFlowStyle() != DumperOptions.FlowStyle.FLOW
                && !sequence.getValue().isEmpty()) {
            return lineAfter(sequence.getValue().getLast());
        }
        int start = at(node.getStartMark());
        int end = start + text.substring(start, at(node.getEndMark())).stripTrailing().length();
        return next(lineEnd(end));
    }

    /**
     * Where {@code mark} is in {@link #text}: SnakeYAML counts code points, a String counts UTF-16 units,
     * so each emoji or other character beyond the BMP before the mark would shift an edit by one.
     */
    private int at(Mark mark) {
        return text.offsetByCodePoints(0, mark.getIndex());
    }

    private int lineStart(int index) {
        return text.lastIndexOf('\n', index - 1) + 1;
    }

    private int lineEnd(int index) {
        int newline = text.indexOf('\n', index);
        return newline < 0 ? text.length() : newline;
    }

    /** The index after the line break at {@code lineEnd}; at the end of a text without one, adds it. */
    private int next(int lineEnd) {
        if (lineEnd >= text.length()) {
            if (!text.endsWith("\n")) {
                text = text + "\n";
            }
            return text.length();
        }
        return lineEnd + 1;
    }

    private Node parse() {
        return compose(text);
    }

    /** {@code text}'s YAML node tree, with the marks of where each node is written; a key twice fails. */
    static Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options).compose(new StringReader(text));
    }

    private static NodeTuple tuple(MappingNode mapping, String key) {
        return mapping.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                .findFirst().orElse(null);
    }

    private static Node valueOf(MappingNode mapping, String key) {
        NodeTuple tuple = tuple(mapping, key);
        return tuple == null ? null : tuple.getValueNode();
    }

    private static boolean sameValue(String written, Object value) {
        if (value instanceof Number number) {
            try {
                return Double.parseDouble(written) == number.doubleValue();
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return written.equals(String.valueOf(value));
    }

    /**
     * {@code value} as one line of YAML, quoted only where YAML needs it: a line break, a {@code #} or a
     * control character inside comes out escaped in double quotes, so the value cannot add a key.
     */
    public static String scalar(Object value) {
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        String string = String.valueOf(value);
        DumperOptions options = new DumperOptions();
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        // Escaped rather than dumped as !!binary, and any line break in double quotes, where a block
        // scalar would spread the value over lines.
        options.setNonPrintableStyle(DumperOptions.NonPrintableStyle.ESCAPE);
        if (string.chars().anyMatch(UnicodeControls::isLineBreak)) {
            options.setDefaultScalarStyle(DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        }
        if (string.chars().anyMatch(UnicodeControls::isDirectionControl)) {
            // Printable to YAML, but a terminal would reorder the text around them: written as escapes.
            options.setDefaultScalarStyle(DumperOptions.ScalarStyle.DOUBLE_QUOTED);
            options.setAllowUnicode(false);
        }
        String dumped = new Yaml(options).dump(string).stripTrailing();
        return dumped.endsWith("\n...") ? dumped.substring(0, dumped.length() - 4).stripTrailing() : dumped;
    }
}
