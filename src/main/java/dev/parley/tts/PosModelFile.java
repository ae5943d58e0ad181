package dev.parley.tts;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import opennlp.maxent.GISModel;
import opennlp.model.AbstractModel;
import opennlp.model.Context;
import opennlp.model.IndexHashTable;
import opennlp.tools.postag.POSDictionary;
import opennlp.tools.postag.POSModel;

/**
 * The English part-of-speech model in a form that loads in ~0.2 s of one core instead of ~0.5 s: the
 * same maximum-entropy weights, predicates and tag dictionary as MaryTTS's {@code en-pos-maxent.bin},
 * but stored as arrays read in bulk, where OpenNLP's format spells every number as text and its tag
 * dictionary as XML. Written once at build time ({@link #main}, from the pom) into Parley's jar;
 * {@link PartOfSpeechTagger} reads it at each start.
 *
 * <p>Layout: a magic line, the GIS correction constants, the outcome (tag) names and the predicate
 * names (UTF-8 with their lengths), the predicates' outcome lists (consecutive predicates that share
 * one list share it, as in OpenNLP's own format), the weights (little-endian doubles, one per
 * predicate and outcome), then the tag dictionary and the language.
 */
public final class PosModelFile {

    /** Where the build puts the English model, on the class path beside this class. */
    static final String ENGLISH_RESOURCE = "en-pos.model";
    /** MaryTTS's English model, which the build converts. */
    static final String MARYTTS_ENGLISH_MODEL = "/marytts/language/en/tagger/en-pos-maxent.bin";

    private static final String MAGIC = "parley-pos-model 1";

    private PosModelFile() {}

    /** Build step: writes MaryTTS's English model, converted, to {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        try (InputStream original = PosModelFile.class.getResourceAsStream(MARYTTS_ENGLISH_MODEL)) {
            if (original == null) {
                throw new IOException("MaryTTS's English model " + MARYTTS_ENGLISH_MODEL + " is not on the class path");
            }
            Path target = Path.of(args[0]).toAbsolutePath();
            Files.createDirectories(target.getParent());
            // Written aside and moved in whole: a build stopped halfway must not leave a partial
            // model that the next build's up-to-date check takes for a finished one.
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                write(new POSModel(original), out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Writes {@code model} (a GIS model with a tag dictionary, as MaryTTS's English one). */
    static void write(POSModel model, OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(target));
        Object[] data = ((AbstractModel) model.getPosModel()).getDataStructures();
        Context[] parameters = (Context[]) data[0];
        @SuppressWarnings("unchecked")
        IndexHashTable<String> predicateIndex = (IndexHashTable<String>) data[1];
        out.writeUTF(MAGIC);
        out.writeInt((Integer) data[3]);
        out.writeDouble((Double) data[4]);
        writeStrings(out, (String[]) data[2]);
        writeStrings(out, predicateIndex.toArray(new String[predicateIndex.size()]));
        writeOutcomeLists(out, parameters);
        writeWeights(out, parameters);
        POSDictionary dictionary = (POSDictionary) model.getTagDictionary();
        out.writeBoolean(dictionary.isCaseSensitive());
        List<String> words = new ArrayList<>();
        dictionary.iterator().forEachRemaining(words::add);
        writeStrings(out, words.toArray(String[]::new));
        for (String word : words) {
            writeStrings(out, dictionary.getTags(word));
        }
        out.writeUTF(model.getLanguage());
        out.flush();
    }

    /** Reads a model {@link #write} wrote. */
    static POSModel read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(source, 1 << 16));
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException("not a part-of-speech model Parley wrote (" + MAGIC + ")");
        }
        int correctionConstant = in.readInt();
        double correctionParameter = in.readDouble();
        String[] outcomes = readStrings(in);
        String[] predicates = readStrings(in);
        int[][] outcomeLists = readOutcomeLists(in, predicates.length, outcomes.length);
        Context[] parameters = readWeights(in, outcomeLists);
        POSDictionary dictionary = new POSDictionary(in.readBoolean());
        for (String word : readStrings(in)) {
            dictionary.put(word, readStrings(in));
        }
        String language = in.readUTF();
        GISModel gis = new GISModel(parameters, predicates, outcomes, correctionConstant, correctionParameter);
        return new POSModel(language, gis, dictionary, null, null);
    }

    private static void writeStrings(DataOutputStream out, String[] strings) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        out.writeInt(strings.length);
        for (String string : strings) {
            byte[] bytes = string.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            text.write(bytes);
        }
        out.writeInt(text.size());
        text.writeTo(out);
    }

    private static String[] readStrings(DataInputStream in) throws IOException {
        int[] lengths = readInts(in, checkedCount(in.readInt()));
        byte[] text = readBytes(in, checkedCount(in.readInt()));
        String[] strings = new String[lengths.length];
        for (int i = 0, at = 0; i < strings.length; at += lengths[i], i++) {
            if (lengths[i] < 0 || lengths[i] > text.length - at) {
                throw new IOException("damaged part-of-speech model (a string beyond its text)");
            }
            strings[i] = new String(text, at, lengths[i], StandardCharsets.UTF_8);
        }
        return strings;
    }

    /** Runs of consecutive predicates with the same outcome list: their lengths, then each list once. */
    private static void writeOutcomeLists(DataOutputStream out, Context[] parameters) throws IOException {
        List<int[]> lists = new ArrayList<>();
        List<Integer> runs = new ArrayList<>();
        for (Context context : parameters) {
            if (!lists.isEmpty() && Arrays.equals(lists.getLast(), context.getOutcomes())) {
                runs.set(runs.size() - 1, runs.getLast() + 1);
            } else {
                lists.add(context.getOutcomes());
                runs.add(1);
            }
        }
        out.writeInt(lists.size());
        for (int run : runs) {
            out.writeInt(run);
        }
        for (int[] list : lists) {
            out.writeInt(list.length);
            for (int outcome : list) {
                out.writeInt(outcome);
            }
        }
    }

    /** One outcome list per predicate; a run of predicates shares one array, as OpenNLP's reader does. */
    private static int[][] readOutcomeLists(DataInputStream in, int predicates, int outcomes) throws IOException {
        int[] runs = readInts(in, checkedCount(in.readInt()));
        int[][] perPredicate = new int[predicates][];
        int predicate = 0;
        for (int run : runs) {
            int[] list = readInts(in, checkedCount(in.readInt()));
            if (Arrays.stream(list).anyMatch(outcome -> outcome < 0 || outcome >= outcomes)) {
                throw new IOException("damaged part-of-speech model (an outcome the model does not have)");
            }
            if (run < 0 || run > predicates - predicate) {
                throw new IOException("outcome lists for more predicates than the model has");
            }
            Arrays.fill(perPredicate, predicate, predicate + run, list);
            predicate += run;
        }
        if (predicate != predicates) {
            throw new IOException("outcome lists for " + predicate + " of " + predicates + " predicates");
        }
        return perPredicate;
    }

    private static void writeWeights(DataOutputStream out, Context[] parameters) throws IOException {
        int count = Arrays.stream(parameters).mapToInt(context -> context.getParameters().length).sum();
        ByteBuffer weights = ByteBuffer.allocate(count * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (Context context : parameters) {
            for (double weight : context.getParameters()) {
                weights.putDouble(weight);
            }
        }
        out.writeInt(count);
        out.write(weights.array());
    }

    private static Context[] readWeights(DataInputStream in, int[][] outcomeLists) throws IOException {
        int count = checkedCount(in.readInt());
        byte[] bytes = readBytes(in, count * Double.BYTES);
        double[] weights = new double[count];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(weights);
        Context[] parameters = new Context[outcomeLists.length];
        int at = 0;
        for (int predicate = 0; predicate < parameters.length; predicate++) {
            int[] outcomes = outcomeLists[predicate];
            if (at + outcomes.length > count) {
                throw new IOException("fewer weights than the outcome lists need");
            }
            parameters[predicate] = new Context(outcomes, Arrays.copyOfRange(weights, at, at + outcomes.length));
            at += outcomes.length;
        }
        return parameters;
    }

    private static int[] readInts(DataInputStream in, int count) throws IOException {
        byte[] bytes = readBytes(in, count * Integer.BYTES);
        int[] ints = new int[count];
        ByteBuffer.wrap(bytes).asIntBuffer().get(ints);
        return ints;
    }

    /** Grows only as far as the file goes: a damaged count meets the file's end before its size. */
    private static byte[] readBytes(DataInputStream in, int count) throws IOException {
        byte[] bytes = in.readNBytes(count);
        if (bytes.length < count) {
            throw new IOException("damaged part-of-speech model (it ends early)");
        }
        return bytes;
    }

    /** A count read from the file: a damaged one must not ask for gigabytes. */
    private static int checkedCount(int count) throws IOException {
        if (count < 0 || count > 16_000_000) {
            throw new IOException("damaged part-of-speech model (a count of " + count + ")");
        }
        return count;
    }
}
