package dev.parley.pipeline;

import dev.parley.audio.AudioClip;

/** A reply as text and as the audio that speaks it, with the turn's stage timings. */
public record SpokenReply(String transcript, String text, String reasoning, AudioClip audio, int chunks,
        TurnTimings timings) {}
