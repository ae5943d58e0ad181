package dev.parley.voice;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What listening while Parley speaks shares with the output side, which the microphone's thread
 * reads and tells as audio arrives.
 *
 * @param ownVoiceLeaks whether the microphone's audio may still carry Parley's own voice (the echo
 *     canceller is settling: {@code LiveEchoCancellation::leaksOwnVoice}); no barge-in is decided on it
 * @param voiceOver told true with every block while a stretch of voice lasts over an answer, and
 *     false once when it ended without a barge-in, the barge-in stopped the answer or the listening
 *     ended ({@code Ducking::voiceOver}: Parley's voice goes down meanwhile)
 */
public record TalkOverLink(BooleanSupplier ownVoiceLeaks, Consumer<Boolean> voiceOver) {

    /** Nothing shared: no settling guard, nothing lowered. */
    public static final TalkOverLink NONE = new TalkOverLink(() -> false, heard -> { });
}
