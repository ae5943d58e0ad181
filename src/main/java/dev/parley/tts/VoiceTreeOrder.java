package dev.parley.tts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled voice's decision trees with each tree's lines in the order MaryTTS reads fastest.
 *
 * <p>MaryTTS 5.2.1 ({@code HTSCARTReader}) reads a tree line by line, each line a decision node and
 * its two daughters, and finds each line's node by a depth-first search from the root that looks at
 * the "yes" daughter first: every node made so far that comes before it in that order is looked at.
 * In the order the voice ships its lines that is quadratic, ~900,000 nodes looked at for ~5,400
 * lines, and the duration and pitch trees are read twice (once for the voice, once for its
 * acoustic models). Here a node's "no" side comes before its "yes" side: when a line is read, the
 * "yes" daughters on its way from the root have no lines read yet, so the search looks at a few
 * nodes per level (~90,000 in all; the voice's start ~35 ms less CPU, docs/performance.md). The
 * trees MaryTTS builds are the same; only the order of the lines differs.
 *
 * <p>The build ({@link #main}, from the pom) writes the copies into Parley's jar; {@link #use} points
 * MaryTTS at them with the system properties its voice config gives way to.
 */
public final class VoiceTreeOrder {

    /** The bundled voice, and its trees by the voice-config key that names each file. */
    static final String VOICE = "cmu-slt-hsmm";
    static final Map<String, String> TREES = Map.of("Ftd", "dur", "Ftf", "lf0", "Ftm", "mgc", "Fts", "str");
    private static final String SHIPPED = "/marytts/voice/CmuSltHsmm/tree-%s.inf";
    private static final String REORDERED = "/dev/parley/tts/" + VOICE + "/tree-%s.inf";

    private VoiceTreeOrder() {}

    /** Build time: writes the reordered copies under the classes folder {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        for (String tree : TREES.values()) {
            List<String> lines;
            try (InputStream in = VoiceTreeOrder.class.getResourceAsStream(SHIPPED.formatted(tree))) {
                if (in == null) {
                    throw new IOException("the voice jar has no " + SHIPPED.formatted(tree));
                }
                lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            }
            Path copy = classes.resolve(REORDERED.formatted(tree).substring(1));
            Files.createDirectories(copy.getParent());
            Files.write(copy, reorder(lines), StandardCharsets.UTF_8);
        }
    }

    /**
     * Before MaryTTS starts: its voice reads the reordered copies, where the build put them and no
     * property names other files.
     */
    static void use() {
        TREES.forEach((key, tree) -> {
            String property = "voice." + VOICE + "." + key;
            String copy = REORDERED.formatted(tree);
            if (System.getProperty(property) == null && VoiceTreeOrder.class.getResource(copy) != null) {
                System.setProperty(property, "jar:" + copy);
            }
        });
    }

    /**
     * A tree file with the node lines of each tree (between a {@code {*}[n]} line's braces) in
     * "no"-before-"yes" depth-first order; every other line as it was.
     *
     * @throws IllegalArgumentException if a tree's lines do not form one tree from node 0
     */
    static List<String> reorder(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        int at = 0;
        while (at < lines.size()) {
            String line = lines.get(at++);
            out.add(line);
            if (line.contains("{*}") && at < lines.size() && lines.get(at).strip().equals("{")) {
                out.add(lines.get(at++));
                List<String> nodes = new ArrayList<>();
                while (at < lines.size() && !lines.get(at).contains("}")) {
                    nodes.add(lines.get(at++));
                }
                out.addAll(reorderTree(nodes, line));
            }
        }
        return out;
    }

    private static List<String> reorderTree(List<String> lines, String state) {
        Map<String, Node> nodes = new HashMap<>();
        for (String line : lines) {
            String[] fields = line.strip().split("\\s+"); // id, question, "no" daughter, "yes" daughter
            if (fields.length != 4 || nodes.put(fields[0], new Node(line, fields[2], fields[3])) != null) {
                throw new IllegalArgumentException("tree " + state + ": not a node line, or a node twice: " + line);
            }
        }
        List<String> ordered = new ArrayList<>(lines.size());
        Deque<String> next = new ArrayDeque<>(List.of("0"));
        while (!next.isEmpty()) {
            String id = next.pop();
            Node node = nodes.get(id);
            if (node == null) {
                throw new IllegalArgumentException("tree " + state + ": node " + id + " has no line");
            }
            ordered.add(node.line());
            pushIfDecision(next, node.yes()); // read after everything under "no"
            pushIfDecision(next, node.no());
        }
        if (ordered.size() != lines.size()) {
            throw new IllegalArgumentException("tree " + state + ": " + (lines.size() - ordered.size())
                    + " node lines are not under node 0");
        }
        return ordered;
    }

    private record Node(String line, String no, String yes) {}

    private static void pushIfDecision(Deque<String> next, String daughter) {
        if (daughter.startsWith("-")) { // a decision node; a leaf is named like "dur_s2_1"
            next.push(daughter);
        }
    }
}
