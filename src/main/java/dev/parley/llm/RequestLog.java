package dev.parley.llm;

import dev.parley.config.ProviderConfig;
import dev.parley.conversation.Message;
import dev.parley.image.TurnImage;
import dev.parley.secrets.Redaction;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One debug line per request to a provider and one per reply, for {@code --log-level debug}: where
 * it went, which model, how many messages and images (their sizes), and how long it took. Parley
 * writes these itself rather than turning on LangChain4j's request logging, which prints whole
 * bodies (base64 images, and headers that may carry keys). Retries are logged by
 * {@link ResilientLanguageModel} around this.
 */
final class RequestLog extends ForwardingLanguageModel {

    private static final Logger LOG = LogManager.getLogger(RequestLog.class);

    private final ProviderConfig provider;
    private final String endpoint;

    RequestLog(LanguageModel model, ProviderConfig provider, String endpoint) {
        super(model);
        this.provider = provider;
        this.endpoint = endpoint;
    }

    @Override
    public LlmReply reply(List<Message> messages, ReplyListener listener) {
        if (!LOG.isDebugEnabled()) {
            return model.reply(messages, listener);
        }
        List<Integer> imageSizes = messages.stream()
                .flatMap(message -> message.images().stream())
                .map(TurnImage::size)
                .toList();
        LOG.debug(Redaction.clean("Request to '" + name() + "' (" + provider.type().configName() + "): POST "
                + endpoint + ", model " + provider.model() + ", " + messages.size() + " messages, "
                + imageSizes.size() + " images " + imageSizes + " bytes"));
        long start = System.nanoTime();
        long[] firstText = {-1};
        ReplyListener timing = new ForwardingReplyListener(listener) {
            @Override
            public void onText(String delta) {
                if (firstText[0] < 0) {
                    firstText[0] = System.nanoTime();
                }
                super.onText(delta);
            }
        };
        try {
            LlmReply reply = model.reply(messages, timing);
            LOG.debug("Reply from '{}': first text after {} ms, done after {} ms", name(),
                    firstText[0] < 0 ? "-" : (firstText[0] - start) / 1_000_000, (System.nanoTime() - start) / 1_000_000);
            return reply;
        } catch (RuntimeException e) {
            LOG.debug("Request to '{}' failed after {} ms", name(), (System.nanoTime() - start) / 1_000_000);
            throw e;
        }
    }
}
