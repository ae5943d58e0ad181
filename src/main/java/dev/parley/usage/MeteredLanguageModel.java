package dev.parley.usage;

import dev.parley.conversation.Message;
import dev.parley.llm.ForwardingLanguageModel;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.LlmException;
import dev.parley.llm.LlmReply;
import dev.parley.llm.ReplyListener;
import java.time.Clock;
import java.util.List;

/**
 * Records every request to a provider in the usage ledger: tokens, time to first token, duration,
 * estimated cost, or the kind of failure. Wraps a model without changing what it answers.
 */
public final class MeteredLanguageModel extends ForwardingLanguageModel {

    private final String modelName;
    private final UsageLedger ledger;
    private final Prices prices;
    private final Clock clock;

    public MeteredLanguageModel(LanguageModel model, String modelName, UsageLedger ledger, Prices prices, Clock clock) {
        super(model);
        this.modelName = modelName;
        this.ledger = ledger;
        this.prices = prices;
        this.clock = clock;
    }

    @Override
    public LlmReply reply(List<Message> messages, ReplyListener listener) {
        long start = System.nanoTime();
        try {
            LlmReply reply = model.reply(messages, listener);
            long ttftMs = reply.firstTextNanos() > 0 ? (reply.firstTextNanos() - start) / 1_000_000 : -1;
            ledger.append(new UsageRecord(clock.instant(), model.name(), modelName, null, reply.inputTokens(),
                    reply.outputTokens(), ttftMs, elapsedMs(start),
                    prices.cost(modelName, reply.inputTokens(), reply.outputTokens())));
            return reply;
        } catch (RuntimeException e) {
            String kind = e instanceof LlmException failure ? failure.kind().name() : e.getClass().getSimpleName();
            ledger.append(new UsageRecord(clock.instant(), model.name(), modelName, kind, -1, -1, -1,
                    elapsedMs(start), 0));
            throw e;
        }
    }

    private static long elapsedMs(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
