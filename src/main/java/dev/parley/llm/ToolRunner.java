package dev.parley.llm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.parley.config.ToolsConfig;
import dev.parley.image.TurnImage;
import dev.parley.tools.ImageTool;
import dev.parley.tools.Tool;
import dev.parley.tools.ToolArguments;
import dev.parley.tools.ToolConfirmer;
import dev.parley.tools.ToolException;
import dev.parley.tools.ToolParameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Parley's tools as LangChain4j sees them, and the running of the calls a model asks for. Every
 * outcome — result, bad arguments, refusal, failure, timeout — becomes text for the model: a tool
 * problem is the model's to work around, never an error thrown at the user.
 *
 * <p>Tools that show pictures ({@link ImageTool}, i.e. {@code look_at_screen}) are offered only to a
 * model that can see and only unless {@code llm.tools.screen} is deny; with ask, the first call of
 * this runner (a session) asks the user, and once allowed it is not asked again. Their pictures
 * follow the tool results as a user message with the images, which every protocol can carry.
 */
public final class ToolRunner {

    /** No tools: replies are a single request, as before tools existed. */
    public static final ToolRunner NONE = new ToolRunner(List.of(), new ToolsConfig(false, null, null, null),
            ToolConfirmer.DENY);

    private static final Logger LOG = LogManager.getLogger(ToolRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The most calls one round runs: a real question needs a handful, and a model (or a hostile
     * endpoint) asking for thousands at once would start thousands of tools and fill the terminal.
     */
    static final int MAX_CALLS_PER_ROUND = 20;
    /**
     * The most characters of one call's result the model is given (about 25,000 tokens, Claude Code's
     * default cap on an MCP tool's output): an MCP server may answer with megabytes, which every
     * later request of the turn, and of the conversation, would carry and pay for again.
     */
    static final int MAX_RESULT_CHARS = 100_000;
    /** What OpenAI-style APIs accept as a tool name; one name outside it makes them refuse every request. */
    private static final Pattern PROVIDER_TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    /** A description says what a tool does in a few sentences; an MCP server's longer one is cut, as it is sent every turn. */
    static final int MAX_DESCRIPTION_CHARS = 2_000;

    private final Map<String, Tool> tools;
    private final Map<String, McpServers.McpTool> mcpTools = new LinkedHashMap<>();
    private final ToolsConfig config;
    private final ToolConfirmer confirmer;
    private final List<ToolSpecification> specifications = new ArrayList<>();
    /** {@code llm.tools.screen: ask} asks once: set when the user allowed a screen capture. */
    private final AtomicBoolean screenAllowed = new AtomicBoolean();

    public ToolRunner(List<Tool> tools, ToolsConfig config, ToolConfirmer confirmer) {
        this(tools, McpServers.NONE, config, confirmer);
    }

    /** Built-in {@code tools} first; an MCP tool of the same name is left out, so a built-in is never shadowed. */
    public ToolRunner(List<Tool> tools, McpServers mcp, ToolsConfig config, ToolConfirmer confirmer) {
        this.tools = tools.stream().collect(Collectors.toMap(Tool::name, Function.identity(),
                (first, second) -> first, LinkedHashMap::new));
        this.config = config;
        this.confirmer = confirmer;
        this.tools.values().stream().map(ToolRunner::specification).forEach(specifications::add);
        for (McpServers.McpTool tool : mcp.tools()) {
            String name = tool.specification().name();
            if (!PROVIDER_TOOL_NAME.matcher(name).matches()) {
                LOG.warn("MCP tool '{}' of server '{}' is left out: a tool name may hold only letters, digits, _ and -,"
                        + " at most 64 of them, or providers refuse every request", PrintableText.of(name, 80),
                        tool.client().key());
                continue;
            }
            if (this.tools.containsKey(name) || mcpTools.containsKey(name)) {
                LOG.warn("MCP tool '{}' of server '{}' is left out: another tool has that name", name,
                        tool.client().key());
                continue;
            }
            mcpTools.put(name, tool);
            specifications.add(withShortDescription(tool.specification()));
        }
    }

    private static ToolSpecification withShortDescription(ToolSpecification specification) {
        String description = specification.description();
        return description == null || description.length() <= MAX_DESCRIPTION_CHARS ? specification
                : specification.toBuilder().description(description.substring(0, MAX_DESCRIPTION_CHARS) + "…").build();
    }

    boolean enabled() {
        return config.enabled() && !specifications.isEmpty();
    }

    /** The tools this model was offered, so an error never suggests one it may not call. */
    private List<String> toolNames(boolean seeing) {
        List<String> names = new ArrayList<>(tools.keySet().stream().filter(name -> unavailable(name, seeing) == null)
                .toList());
        names.addAll(mcpTools.keySet());
        return names;
    }

    int maxRounds() {
        return config.maxRounds();
    }

    List<ToolSpecification> specifications() {
        return java.util.Collections.unmodifiableList(specifications);
    }

    /** What a model is offered: tools that show pictures only when it can see and they are not denied. */
    List<ToolSpecification> specifications(boolean seeing) {
        return specifications.stream().filter(specification -> unavailable(specification.name(), seeing) == null)
                .toList();
    }

    /** Why the tool {@code name} may not run for this model, or null when it may. */
    private String unavailable(String name, boolean seeing) {
        if (!(tools.get(name) instanceof ImageTool)) {
            return null;
        }
        if (!seeing) {
            return "error: " + name + " shows pictures, and this model cannot see images.";
        }
        return "deny".equals(config.screen()) ? "error: screen capture is turned off (llm.tools.screen: deny)." : null;
    }

    /** Listed in {@code llm.tools.confirm}, or the screen capture under {@code screen: ask} until allowed once. */
    private boolean needsConfirmation(String name) {
        if (tools.get(name) instanceof ImageTool && "ask".equals(config.screen())) {
            return !screenAllowed.get();
        }
        return config.confirm().contains(name);
    }

    private boolean confirmed(String name, String argumentsJson) {
        boolean yes = confirmer.confirm(name, argumentsJson);
        if (yes && tools.get(name) instanceof ImageTool) {
            screenAllowed.set(true);
        }
        return yes;
    }

    private static ToolSpecification specification(Tool tool) {
        JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
        List<String> required = new ArrayList<>();
        for (ToolParameter parameter : tool.parameters()) {
            switch (parameter.type()) {
                case STRING -> parameters.addStringProperty(parameter.name(), parameter.description());
                case NUMBER -> parameters.addNumberProperty(parameter.name(), parameter.description());
                case INTEGER -> parameters.addIntegerProperty(parameter.name(), parameter.description());
            }
            if (parameter.required()) {
                required.add(parameter.name());
            }
        }
        parameters.required(required);
        return ToolSpecification.builder().name(tool.name()).description(tool.description())
                .parameters(parameters.build()).build();
    }

    /**
     * Runs the calls of one model turn and returns their results in the same order. Confirmations are
     * asked one after another (a person answers them); the approved calls then run concurrently, each
     * limited to {@code llm.tools.timeout-seconds}. Interrupting the caller (barge-in) cancels them.
     */
    List<ChatMessage> run(List<ToolExecutionRequest> requests, ReplyListener listener) throws InterruptedException {
        return run(requests, listener, false);
    }

    /**
     * As {@link #run(List, ReplyListener)}, for a model that can see ({@code seeing}) or not: the
     * results, then a user message with the pictures the calls took, if any.
     */
    List<ChatMessage> run(List<ToolExecutionRequest> requests, ReplyListener listener, boolean seeing)
            throws InterruptedException {
        String[] results = new String[requests.size()];
        Queue<TurnImage> pictures = new ConcurrentLinkedQueue<>();
        List<Future<String>> running = new ArrayList<>(requests.size());
        // Not closed with try-with-resources: close() waits for every task, and a tool that ignores
        // interruption would hold the reply past its timeout. Virtual threads do not keep the JVM alive.
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (int index = 0; index < requests.size(); index++) {
                ToolExecutionRequest request = requests.get(index);
                if (index >= MAX_CALLS_PER_ROUND) {
                    results[index] = "error: not run; at most " + MAX_CALLS_PER_ROUND + " tool calls run in one"
                            + " round. Ask for fewer at a time.";
                    running.add(null);
                    continue;
                }
                String argumentsJson = request.arguments() == null ? "{}" : request.arguments();
                listener.onToolCall(request.name(), argumentsJson);
                Tool tool = tools.get(request.name());
                McpServers.McpTool mcpTool = mcpTools.get(request.name());
                String unavailable = unavailable(request.name(), seeing);
                if (tool == null && mcpTool == null) {
                    results[index] = "error: there is no tool named '" + request.name() + "'; available: "
                            + String.join(", ", toolNames(seeing));
                    running.add(null);
                } else if (unavailable != null) {
                    results[index] = unavailable;
                    running.add(null);
                } else if (needsConfirmation(request.name()) && !confirmed(request.name(), argumentsJson)) {
                    results[index] = "error: the user did not confirm this call, so it was not run. "
                            + "Do not call it again for this request unless the user asks.";
                    running.add(null);
                } else if (tool != null) {
                    running.add(executor.submit(() -> execute(tool, argumentsJson, pictures)));
                } else {
                    running.add(executor.submit(() -> mcpTool.execute(request)));
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(config.timeoutSeconds()).toNanos();
            for (int index = 0; index < requests.size(); index++) {
                Future<String> call = running.get(index);
                if (call != null) {
                    results[index] = await(call, deadline, requests.get(index).name());
                }
            }
        } finally {
            executor.shutdownNow();
        }
        if (requests.size() > MAX_CALLS_PER_ROUND) {
            LOG.warn("The model asked for {} tool calls in one round; ran the first {} and refused the rest",
                    requests.size(), MAX_CALLS_PER_ROUND);
        }
        List<ChatMessage> messages = new ArrayList<>(requests.size() + 1);
        for (int index = 0; index < requests.size(); index++) {
            results[index] = capped(results[index], requests.get(index).name());
            if (index < MAX_CALLS_PER_ROUND) {
                listener.onToolResult(requests.get(index).name(), results[index]);
            }
            messages.add(ToolExecutionResultMessage.from(requests.get(index), results[index]));
        }
        if (!pictures.isEmpty()) {
            messages.add(UserMessage.from(RequestMessages.withImages("The picture(s) the tool call above took:",
                    List.copyOf(pictures))));
        }
        return messages;
    }

    /** {@code result} cut to {@link #MAX_RESULT_CHARS}, saying so to the model; a null result is empty. */
    static String capped(String result, String name) {
        if (result == null) {
            return "";
        }
        if (result.length() <= MAX_RESULT_CHARS) {
            return result;
        }
        LOG.warn("Tool {} returned {} characters; the model is given the first {}", name, result.length(),
                MAX_RESULT_CHARS);
        int end = Character.isHighSurrogate(result.charAt(MAX_RESULT_CHARS - 1)) ? MAX_RESULT_CHARS - 1
                : MAX_RESULT_CHARS;
        return result.substring(0, end) + String.format(Locale.ROOT, "\n[cut: the result was %,d characters; only"
                + " the first %,d are shown]", result.length(), MAX_RESULT_CHARS);
    }

    private String await(Future<String> call, long deadline, String name) throws InterruptedException {
        try {
            return call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return "error: " + name + " did not finish within " + config.timeoutSeconds() + " seconds";
        } catch (CancellationException e) {
            return "error: " + name + " was cancelled";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            LOG.warn("Tool {} failed", name, cause);
            return "error: " + name + " failed: " + (cause.getMessage() != null ? cause.getMessage()
                    : cause.getClass().getSimpleName());
        }
    }

    /** Runs {@code tool}; the pictures an {@link ImageTool} returns go to {@code pictures}. */
    private static String execute(Tool tool, String argumentsJson, Queue<TurnImage> pictures) {
        Map<String, Object> arguments;
        try {
            arguments = argumentsJson.isBlank() ? Map.of()
                    : JSON.readValue(argumentsJson, new TypeReference<Map<String, Object>>() {});
        } catch (Exception e) {
            return "error: the arguments are not a JSON object: " + argumentsJson;
        }
        try {
            ToolArguments given = ToolArguments.of(arguments == null ? Map.of() : withoutNulls(arguments));
            if (tool instanceof ImageTool seeing) {
                ImageTool.Result result = seeing.look(given);
                pictures.addAll(result.images());
                return result.text();
            }
            return tool.execute(given);
        } catch (ToolException e) {
            return "error: " + e.getMessage();
        }
    }

    /** Map.copyOf refuses null values, and a model may send {"timezone": null} for "not given". */
    private static Map<String, Object> withoutNulls(Map<String, Object> arguments) {
        Map<String, Object> present = new LinkedHashMap<>();
        arguments.forEach((key, value) -> {
            if (value != null) {
                present.put(key, value);
            }
        });
        return present;
    }
}
