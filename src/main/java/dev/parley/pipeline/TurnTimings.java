package dev.parley.pipeline;

/**
 * When each stage of a voice turn finished, in milliseconds from the end of the user's speech
 * (the turn's start): a waterfall, so each number includes the ones before it. -1: did not happen.
 */
public record TurnTimings(long sttMs, long llmFirstTokenMs, long firstChunkMs, long firstAudioMs, long totalMs) {}
