package dev.parley.pipeline;

/**
 * When each stage of a voice turn finished, in milliseconds from the end of the user's speech
 * (the turn's start): a waterfall, so each number includes the ones before it. {@code firstAudioMs}
 * is the first chunk synthesized, {@code firstSoundMs} its first sample written to the output
 * device. -1: did not happen (a text turn has no STT, a silent one no sound).
 */
public record TurnTimings(long sttMs, long llmFirstTokenMs, long firstChunkMs, long firstAudioMs, long firstSoundMs,
        long totalMs) {}
