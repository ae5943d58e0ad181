package dev.parley.pipeline;

import dev.parley.tts.SpeechSynthesizer;

/**
 * How a turn's answer is spoken: the voice that makes the audio and the sink it goes to. A turn
 * without one is a text-only turn; that is the only difference between the two.
 */
public record Speech(SpeechSynthesizer voice, SpeechSink sink) {}
