package dev.parley.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.Components;
import dev.parley.ParleyException;
import dev.parley.conversation.ConversationInfo;
import dev.parley.conversation.ConversationSearch;
import dev.parley.conversation.ConversationStore;
import dev.parley.storage.FileErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "conversations", mixinStandardHelpOptions = true,
        description = "Saved conversations: the window's, and those of `parley chat --conversation NAME`.",
        subcommands = {ConversationsCommand.ListConversations.class, ConversationsCommand.Export.class,
                ConversationsCommand.Delete.class, ConversationsCommand.Rename.class,
                ConversationsCommand.Search.class})
final class ConversationsCommand extends ParleySubcommand {

    /** Without a subcommand: what the subcommands are. */
    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return 0;
    }

    /** A subcommand of {@code conversations}: each opens the store, uses it, and closes it. */
    abstract static class StoreCommand implements Callable<Integer> {

        /** When a conversation was last updated, as the lists show it. */
        static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(ZoneId.systemDefault());

        @ParentCommand
        ConversationsCommand parent;

        @Spec
        CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        <T> T withStore(Function<ConversationStore, T> action) {
            try (Components components = parent.parley.components()) {
                return action.apply(components.conversationStore());
            }
        }

        /** Changes the store, then says what was done. */
        int change(Consumer<ConversationStore> action, String done) {
            withStore(store -> {
                action.accept(store);
                return null;
            });
            out().println(done);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists saved conversations, most recently updated first: name, turns, last update.")
    static final class ListConversations extends StoreCommand {

        @Option(names = "--json", description = "Print one JSON object: the conversations (id, turns, updated, as the"
                + " API lists them) and the files that could not be read.")
        boolean json;

        /** A listing and the folder the store read it from. */
        private record Listed(ConversationStore.Listing listing, Path folder) {}

        @Override
        public Integer call() throws Exception {
            PrintWriter out = out();
            Listed listed = withStore(store -> new Listed(store.listing(), store.folder()));
            ConversationStore.Listing listing = listed.listing();
            List<ConversationInfo> infos = listing.readable();
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                ObjectNode root = mapper.createObjectNode();
                ArrayNode rows = root.putArray("conversations");
                infos.forEach(info -> info.writeRow(rows.addObject()));
                ArrayNode damaged = root.putArray("unreadable");
                listing.unreadable().forEach(file -> damaged.add(file.toString()));
                out.println(mapper.writeValueAsString(root));
                out.flush();
                return listing.unreadable().isEmpty() ? 0 : 1;
            }
            if (infos.isEmpty() && listing.unreadable().isEmpty()) {
                Path folder = listed.folder();
                Optional<Path> inTheWay = FileErrors.fileInTheWay(folder);
                if (inTheWay.isPresent()) {
                    err().println("parley: no conversation can be saved in " + TerminalText.oneLine(folder.toString())
                            + ": " + TerminalText.oneLine(inTheWay.get().toString()) + " is a file, not a folder."
                            + " Move that file away, or set XDG_DATA_HOME to another folder.");
                    return 1;
                }
                out.println("No saved conversations yet; `parley chat --conversation NAME` starts one.");
            }
            int width = infos.stream().mapToInt(info -> info.name().length()).max().orElse(0);
            for (ConversationInfo info : infos) {
                out.printf("%-" + width + "s  %5d turns  %s%n", TerminalText.oneLine(info.name()), info.turns(),
                        WHEN.format(info.updated()));
            }
            out.flush();
            if (!listing.unreadable().isEmpty()) {
                // Each file's reason was logged; the listing must not read as if they were not there.
                err().println("parley: " + listing.unreadable().size() + " saved conversation file"
                        + (listing.unreadable().size() == 1 ? "" : "s") + " could not be read and "
                        + (listing.unreadable().size() == 1 ? "is" : "are") + " not listed: "
                        + TerminalText.oneLine(listing.unreadable().stream().limit(3).map(Path::toString)
                                .collect(Collectors.joining(", ")))
                        + (listing.unreadable().size() > 3 ? ", ..." : "")
                        + ". They were left untouched; the log says what is wrong with each.");
                return 1;
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes a conversation as Markdown (# name, then **You:** / **Parley:** paragraphs).")
    static final class Export extends StoreCommand {

        @Parameters(paramLabel = "NAME", description = "The conversation to export.")
        String name;

        @Option(names = "--out", paramLabel = "FILE.md", description = "Write to this file instead of stdout"
                + " (- is stdout).")
        Path outFile;

        @Option(names = "--reasoning", description = "Include the model's reasoning before each answer.")
        boolean reasoning;

        @Option(names = "--force", description = "Replace FILE.md if it exists.")
        boolean force;

        @Override
        public Integer call() {
            OptionChecks.outputFile(spec, "--out", outFile);
            record Exported(String markdown, Path folder) {}
            Exported export = withStore(store -> new Exported(store.exportMarkdown(name, reasoning), store.folder()));
            String markdown = export.markdown();
            if (outFile == null || OptionChecks.isStandardOutput(outFile)) {
                out().print(TerminalText.safe(markdown));
                out().flush();
                return 0;
            }
            // The export of "kitchen" written over kitchen.json replaced the conversation with Markdown.
            if (resolved(outFile).startsWith(resolved(export.folder()))) {
                throw new ParleyException("Cannot write " + outFile + ": it is in Parley's conversations folder ("
                        + export.folder() + "), which holds only the conversations; export it somewhere else.");
            }
            if (holdsSomething(outFile) && !force) {
                throw new ParleyException(outFile + " exists; add --force to replace it, or choose another file.");
            }
            // A file private like the conversation it copies.
            ParleySubcommand.writeFile(outFile, markdown.getBytes(StandardCharsets.UTF_8));
            return 0;
        }

        /**
         * Whether {@code file} is a file with something in it: an empty one loses nothing, such as the one a
         * shell made for {@code --out /dev/stdout > FILE.md}.
         */
        private static boolean holdsSomething(Path file) {
            try {
                return Files.isRegularFile(file) && Files.size(file) > 0;
            } catch (IOException e) {
                return true; // the write says what is wrong with it
            }
        }

        /** {@code path} absolute, with the links of its folder followed, so two spellings of one place compare equal. */
        private static Path resolved(Path path) {
            Path absolute = path.toAbsolutePath().normalize();
            try {
                return absolute.getParent() == null ? absolute
                        : absolute.getParent().toRealPath().resolve(absolute.getFileName());
            } catch (IOException folderMissing) {
                return absolute;
            }
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a saved conversation.")
    static final class Delete extends StoreCommand {

        @Parameters(paramLabel = "NAME", description = "The conversation to delete.")
        String name;

        @Override
        public Integer call() {
            return change(store -> store.delete(name), "Deleted '" + name + "'.");
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true,
            description = "Renames a saved conversation; fails if NEW already exists.")
    static final class Rename extends StoreCommand {

        @Parameters(index = "0", paramLabel = "OLD", description = "The conversation's current name.")
        String oldName;

        @Parameters(index = "1", paramLabel = "NEW", description = "Its new name.")
        String newName;

        @Override
        public Integer call() {
            return change(store -> store.rename(oldName, newName), "Renamed '" + oldName + "' to '" + newName + "'.");
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Lists the saved conversations whose name or turns hold every WORD (any case or accent),"
                    + " most recently updated first, each with the line of a turn that holds one.")
    static final class Search extends StoreCommand {

        @Parameters(arity = "1..*", paramLabel = "WORD", description = "What to look for; parts of words match too.")
        List<String> words;

        @Override
        public Integer call() {
            String query = String.join(" ", words);
            List<ConversationSearch.Found> found = withStore(
                    store -> new ConversationSearch(store).find(query, store.list(), () -> false));
            if (found.isEmpty()) {
                out().println("No saved conversation mentions \"" + TerminalText.oneLine(query) + "\".");
                return 1; // as grep: a script can tell "none" from "some"
            }
            for (ConversationSearch.Found hit : found) {
                out().println(TerminalText.oneLine(hit.info().name()) + "  " + WHEN.format(hit.info().updated())
                        + (hit.snippet().isEmpty() ? "" : "\n    " + TerminalText.oneLine(hit.snippet())));
            }
            out().flush();
            return 0;
        }
    }
}
