package dev.parley.llm;

import dev.parley.llm.LlmException.Kind;

/**
 * Replies that ended properly yet give the user nothing to read or hear, as typed failures whose
 * sentence says what happened and what to do. Without them such a turn succeeded in silence: nothing
 * printed, exit code 0, an empty assistant turn saved.
 */
final class UnusableReplies {

    private UnusableReplies() {}

    /** A reply with no answer text and no tool calls, by why the model said it stopped. */
    static LlmException nothingAnswered(RoundStream.Source source, LlmReply reply) {
        String who = ProviderErrors.who(source.name(), source.provider(), source.endpoint());
        boolean reasoned = !reply.reasoning().isEmpty();
        return switch (reply.finishReason()) {
            case CONTENT_FILTER -> new LlmException(Kind.CONTENT_FILTERED, who + " refused to answer: its safety"
                    + " filter stopped the reply before any text. Rephrase the question, or "
                    + ProviderErrors.OTHER_PROVIDER, null, null, "");
            case LENGTH -> new LlmException(Kind.OTHER, who + " reached its max-tokens before any answer text"
                    + (reasoned ? " (it spent them reasoning)" : "") + ". Raise llm.providers." + source.name()
                    + ".max-tokens.", null, null, "");
            default -> new LlmException(Kind.EMPTY_REPLY, nothingAnswered(who, reasoned), null, null, "");
        };
    }

    /** The sentence for a reply with nothing in it, for {@link ProviderErrors} too. */
    static String nothingAnswered(String who, boolean reasoned) {
        return who + " answered nothing (no text and no tool calls" + (reasoned ? ", only reasoning" : "")
                + "). Try again, or " + ProviderErrors.OTHER_PROVIDER;
    }

    /** The provider would not take the prompt at all; sending it again gets the same. */
    static LlmException blockedPrompt(RoundStream.Source source, String reason) {
        return new LlmException(Kind.CONTENT_FILTERED, ProviderErrors.who(source.name(), source.provider(),
                source.endpoint()) + " blocked the prompt (" + reason + "): its safety filter would not take the"
                + " question. Rephrase it, or " + ProviderErrors.OTHER_PROVIDER, null, null, "");
    }
}
