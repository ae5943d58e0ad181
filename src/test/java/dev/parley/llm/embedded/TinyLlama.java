package dev.parley.llm.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a tiny Llama model with random weights into a folder, in the Hugging Face layout Jlama
 * loads: config.json, tokenizer.json (a character-level BPE vocabulary with a few merges) and
 * model.safetensors (F32). Its output is gibberish; loading and generating are what it tests.
 */
final class TinyLlama {

    static final int HIDDEN = 64;
    static final int INTERMEDIATE = 128;
    static final int HEADS = 4;
    static final int LAYERS = 2;
    static final int CONTEXT = 256;
    static final int EOS = 2;

    private TinyLlama() {}

    /** Writes the model; {@code chatTemplate} (Jinja, may be null) goes into tokenizer_config.json. */
    static Path write(Path folder, long seed, String chatTemplate) throws IOException {
        Files.createDirectories(folder);
        ObjectMapper json = new ObjectMapper();
        List<String> vocab = vocabulary();

        Map<String, Object> config = new LinkedHashMap<>();
        config.put("model_type", "llama");
        config.put("architectures", List.of("LlamaForCausalLM"));
        config.put("max_position_embeddings", CONTEXT);
        config.put("hidden_size", HIDDEN);
        config.put("intermediate_size", INTERMEDIATE);
        config.put("num_attention_heads", HEADS);
        config.put("num_key_value_heads", HEADS);
        config.put("num_hidden_layers", LAYERS);
        config.put("rms_norm_eps", 1e-5);
        config.put("vocab_size", vocab.size());
        config.put("bos_token_id", 1);
        config.put("eos_token_id", EOS);
        config.put("hidden_act", "silu");
        config.put("rope_theta", 10000.0);
        config.put("torch_dtype", "float32");
        json.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("config.json").toFile(), config);

        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int i = 0; i < vocab.size(); i++) {
            ids.put(vocab.get(i), i);
        }
        List<Map<String, Object>> added = List.of(
                Map.of("id", 0, "content", "<unk>", "special", true),
                Map.of("id", 1, "content", "<s>", "special", true),
                Map.of("id", 2, "content", "</s>", "special", true));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", "BPE");
        model.put("unk_token", "<unk>");
        model.put("fuse_unk", true);
        model.put("byte_fallback", false);
        model.put("vocab", ids);
        model.put("merges", List.of("t h", "th e", "e r", "i n", "a n", "o n", "e n"));
        json.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("tokenizer.json").toFile(),
                Map.of("version", "1.0", "added_tokens", added, "model", model));
        if (chatTemplate != null) {
            json.writeValue(folder.resolve("tokenizer_config.json").toFile(), Map.of(
                    "chat_template", chatTemplate, "bos_token", "<s>", "eos_token", "</s>"));
        }

        Random random = new Random(seed);
        Map<String, int[]> tensors = new LinkedHashMap<>();
        tensors.put("model.embed_tokens.weight", new int[] {vocab.size(), HIDDEN});
        for (int layer = 0; layer < LAYERS; layer++) {
            String base = "model.layers." + layer + ".";
            for (String projection : List.of("q_proj", "k_proj", "v_proj", "o_proj")) {
                tensors.put(base + "self_attn." + projection + ".weight", new int[] {HIDDEN, HIDDEN});
            }
            tensors.put(base + "mlp.gate_proj.weight", new int[] {INTERMEDIATE, HIDDEN});
            tensors.put(base + "mlp.up_proj.weight", new int[] {INTERMEDIATE, HIDDEN});
            tensors.put(base + "mlp.down_proj.weight", new int[] {HIDDEN, INTERMEDIATE});
            tensors.put(base + "input_layernorm.weight", new int[] {HIDDEN});
            tensors.put(base + "post_attention_layernorm.weight", new int[] {HIDDEN});
        }
        tensors.put("model.norm.weight", new int[] {HIDDEN});
        tensors.put("lm_head.weight", new int[] {vocab.size(), HIDDEN});
        writeSafetensors(folder.resolve("model.safetensors"), tensors, random, json);
        return folder;
    }

    /** Special tokens, then single characters, then the merged pieces the merges produce. */
    static List<String> vocabulary() {
        List<String> vocab = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        for (char c = 'a'; c <= 'z'; c++) {
            vocab.add(String.valueOf(c));
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            vocab.add(String.valueOf(c));
        }
        for (String s : List.of(" ", ".", ",", "?", "!", ":", "'", "\n", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9")) {
            vocab.add(s);
        }
        vocab.addAll(List.of("th", "the", "er", "in", "an", "on", "en"));
        return vocab;
    }

    private static void writeSafetensors(Path file, Map<String, int[]> tensors, Random random, ObjectMapper json)
            throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("__metadata__", Map.of("format", "pt"));
        long offset = 0;
        for (var tensor : tensors.entrySet()) {
            long bytes = 4L * elements(tensor.getValue());
            header.put(tensor.getKey(), Map.of("dtype", "F32", "shape", tensor.getValue(),
                    "data_offsets", List.of(offset, offset + bytes)));
            offset += bytes;
        }
        byte[] headerBytes = json.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        int padding = (8 - headerBytes.length % 8) % 8; // the format aligns the data to 8 bytes
        byte[] padded = new byte[headerBytes.length + padding];
        System.arraycopy(headerBytes, 0, padded, 0, headerBytes.length);
        java.util.Arrays.fill(padded, headerBytes.length, padded.length, (byte) ' ');
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded.length).array());
            out.write(padded);
            for (var tensor : tensors.entrySet()) {
                boolean norm = tensor.getKey().endsWith("norm.weight");
                int n = elements(tensor.getValue());
                ByteBuffer data = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < n; i++) {
                    data.putFloat(norm ? 1f : (float) (random.nextGaussian() * 0.1));
                }
                out.write(data.array());
            }
        }
    }

    private static int elements(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
