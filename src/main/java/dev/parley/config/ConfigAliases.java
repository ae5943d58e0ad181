package dev.parley.config;

import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Refuses YAML aliases ({@code *name}, and so merge keys {@code <<: *name}) in a config: Jackson reads an
 * alias as the text of its name, so {@code input-device: *mic} would quietly become the device "mic".
 * An alias is found where SnakeYAML's tree points back: it hands out the anchored node itself, which
 * starts before the key that uses it.
 */
final class ConfigAliases {

    private ConfigAliases() {}

    /** @throws ConfigException naming the file, line and key of the first alias in {@code text} */
    static void refuse(Path file, String text) {
        if (text.indexOf('*') < 0) {
            return; // no alias possible, and the start spares the second parse (~10 ms)
        }
        Node root;
        try {
            root = YamlEdits.compose(text);
        } catch (YAMLException e) {
            return; // Jackson reads the same text next and says what is wrong with it, in its own words
        }
        walk(file, root, "", 1);
    }

    private static void walk(Path file, Node node, String path, int line) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
                String keyPath = path.isEmpty() ? key : path + "." + key;
                int keyLine = tuple.getKeyNode().getStartMark().getLine() + 1;
                Node value = tuple.getValueNode();
                if (value.getStartMark().getIndex() < tuple.getKeyNode().getEndMark().getIndex()) {
                    throw refused(file, keyLine, keyPath, value);
                }
                walk(file, value, keyPath, keyLine);
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            int floor = sequence.getStartMark().getIndex();
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                if (item.getStartMark().getIndex() < floor) {
                    throw refused(file, line, path + " item " + (i + 1), item);
                }
                walk(file, item, path, line);
                floor = item.getEndMark().getIndex();
            }
        }
    }

    private static ConfigException refused(Path file, int line, String key, Node anchored) {
        String name = anchored.getAnchor() == null ? "" : anchored.getAnchor();
        return new ConfigException(file + " line " + line + ": " + key + " is written as the YAML alias *" + ShownValues.shown(name)
                + ", which Parley does not read (it would take the word " + ShownValues.quoted(name) + " as the value); write the"
                + " value out in full there.");
    }
}
