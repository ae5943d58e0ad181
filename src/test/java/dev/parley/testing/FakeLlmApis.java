package dev.parley.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.testing.FakeHttpServer.Request;
import dev.parley.testing.FakeHttpServer.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Fake LLM servers that answer the diagnostic requests the way the real APIs do: the model lists,
 * and the chat routes' replies and JSON errors. A {@code key} of null means no key is required.
 */
public final class FakeLlmApis {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeLlmApis() {}

    /** Ollama: /api/tags, /api/chat and /api/generate; "llama3.2" is listed as "llama3.2:latest". */
    public static FakeHttpServer ollama(String... models) throws IOException {
        return ollamaGenerateOnly(models).on("POST", "/api/chat", request -> ollamaReply(request, models, "message"));
    }

    /** An old Ollama-style server: /api/tags and /api/generate, no /api/chat. */
    public static FakeHttpServer ollamaGenerateOnly(String... models) throws IOException {
        return new FakeHttpServer()
                .on("GET", "/api/tags", request -> {
                    ObjectNode root = JSON.createObjectNode();
                    ArrayNode list = root.putArray("models");
                    for (String model : models) {
                        list.addObject().put("name", model).put("model", model).put("size", 2_019_393_189L);
                    }
                    return Response.json(200, root.toString());
                })
                .on("POST", "/api/generate", request -> ollamaReply(request, models, "response"));
    }

    private static Response ollamaReply(Request request, String[] models, String replyField) {
        String model = body(request).path("model").asText("");
        if (model.isEmpty()) {
            return Response.json(400, "{\"error\":\"model is required\"}");
        }
        if (List.of(models).stream().noneMatch(listed -> listed.equals(model) || listed.equals(model + ":latest"))) {
            return Response.json(404, "{\"error\":\"model '" + model + "' not found\"}");
        }
        ObjectNode reply = JSON.createObjectNode().put("model", model).put("created_at", "2026-11-22T00:00:00Z");
        if (replyField.equals("message")) {
            reply.putObject("message").put("role", "assistant").put("content", "ready");
        } else {
            reply.put("response", "ready");
        }
        return Response.json(200, reply.put("done", true).put("done_reason", "stop").toString());
    }

    /** An OpenAI-compatible server under /v1 (bearer key). */
    public static FakeHttpServer openAi(String key, String... models) throws IOException {
        return new FakeHttpServer()
                .on("GET", "/v1/models", request -> {
                    if (key != null && !Objects.equals(request.header("Authorization"), "Bearer " + key)) {
                        return openAiError(401, "Incorrect API key provided.");
                    }
                    ObjectNode root = JSON.createObjectNode().put("object", "list");
                    ArrayNode data = root.putArray("data");
                    for (String model : models) {
                        data.addObject().put("id", model).put("object", "model").put("owned_by", "fake");
                    }
                    return Response.json(200, root.toString());
                })
                .on("POST", "/v1/chat/completions", request -> {
                    if (body(request).path("model").asText("").isEmpty()) {
                        return openAiError(400, "you must provide a model parameter");
                    }
                    return Response.json(200, "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":"
                            + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ready\"}}]}");
                });
    }

    /**
     * An OpenAI-compatible server that answers unknown paths with a JSON error and status 200, as
     * LM Studio does; it must not pass for Ollama.
     */
    public static FakeHttpServer lenientOpenAi(String... models) throws IOException {
        FakeHttpServer server = openAi(null, models);
        for (String path : List.of("/api/tags", "/api/chat", "/api/generate")) {
            for (String method : List.of("GET", "POST")) {
                server.on(method, path, request -> Response.json(200,
                        "{\"error\":\"Unexpected endpoint or method. (" + method + " " + path + ")\"}"));
            }
        }
        return server;
    }

    /** Anthropic's model list under /v1 (x-api-key and anthropic-version headers). */
    public static FakeHttpServer anthropic(String key, String... models) throws IOException {
        return new FakeHttpServer().on("GET", "/v1/models", request -> {
            if (request.header("anthropic-version") == null) {
                return Response.json(400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                        + "\"message\":\"anthropic-version: header is required\"}}");
            }
            if (!Objects.equals(request.header("x-api-key"), key)) {
                return Response.json(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                        + "\"message\":\"invalid x-api-key\"}}");
            }
            ObjectNode root = JSON.createObjectNode().put("has_more", false);
            ArrayNode data = root.putArray("data");
            for (String model : models) {
                data.addObject().put("id", model).put("type", "model");
            }
            return Response.json(200, root.toString());
        });
    }

    /** Gemini's model list under /v1beta, names as "models/NAME" (key in x-goog-api-key or ?key=). */
    public static FakeHttpServer gemini(String key, String... models) throws IOException {
        return new FakeHttpServer().on("GET", "/v1beta/models", request -> {
            String query = request.query() == null ? "" : request.query();
            if (!Objects.equals(request.header("x-goog-api-key"), key) && !query.contains("key=" + key)) {
                return Response.json(400, "{\"error\":{\"code\":400,\"message\":\"API key not valid.\","
                        + "\"status\":\"INVALID_ARGUMENT\"}}");
            }
            ObjectNode root = JSON.createObjectNode();
            ArrayNode list = root.putArray("models");
            for (String model : models) {
                list.addObject().put("name", "models/" + model);
            }
            return Response.json(200, root.toString());
        });
    }

    private static Response openAiError(int status, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("message", message).put("type", "invalid_request_error");
        return Response.json(status, root.toString());
    }

    private static JsonNode body(Request request) {
        try {
            return JSON.readTree(request.body().isEmpty() ? "{}" : request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
