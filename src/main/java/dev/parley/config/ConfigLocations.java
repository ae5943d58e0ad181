package dev.parley.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Where a key of a config file is written, for the messages of checks that run on the finished records
 * ({@link ConfigValidator}): Jackson knows lines only while it parses. The file's text is read for its
 * key lines only when a message needs one.
 */
final class ConfigLocations {

    private final String file;
    private final String text;
    /** Dotted key (llm.providers.local.model) → the line its key starts on, from 1; made on first use. */
    private Map<String, Integer> lines;

    ConfigLocations(String file, String yaml) {
        this.file = file;
        this.text = yaml;
    }

    /**
     * "FILE line N: KEY", with the line of {@code key}, or of its nearest parent written in the file (a
     * key left at its default has none of its own); "FILE: KEY" when neither is written.
     */
    String at(String key) {
        return file + lineOf(key).map(line -> " line " + line).orElse("") + ": " + ShownValues.key(key);
    }

    Optional<Integer> lineOf(String key) {
        Map<String, Integer> known = lines();
        for (String path = key; ; path = path.substring(0, path.lastIndexOf('.'))) {
            Integer line = known.get(path);
            if (line != null) {
                return Optional.of(line);
            }
            if (path.lastIndexOf('.') < 0) {
                return Optional.empty();
            }
        }
    }

    private Map<String, Integer> lines() {
        if (lines == null) {
            lines = new HashMap<>();
            try {
                collect(YamlEdits.compose(text), "", Collections.newSetFromMap(new IdentityHashMap<>()));
            } catch (RuntimeException e) {
                // Jackson has read this text already; a line is a help to the message, never a need.
            }
        }
        return lines;
    }

    /** Each node once: an alias shares its anchor's node, and walking it again could multiply the work. */
    private void collect(Node node, String path, Set<Node> seen) {
        if (!(node instanceof MappingNode mapping) || !seen.add(node)) {
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                String keyPath = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                lines.putIfAbsent(keyPath, key.getStartMark().getLine() + 1);
                collect(tuple.getValueNode(), keyPath, seen);
            }
        }
    }
}
