package dev.parley.pipeline;

import dev.parley.audio.AudioClip;

/**
 * A reply as text and as the audio that speaks it, with the turn's stage timings. {@code cutOff} is
 * null for a complete reply, else why the model stopped mid-answer (the audio then ends with a
 * spoken notice).
 */
public record SpokenReply(String transcript, String text, String reasoning, AudioClip audio, int chunks,
        TurnTimings timings, String cutOff) {}
