/**
 * Speech parts replaced while Parley runs, when Settings saves another speech model, voice or audio
 * device: holders that hand out the current part ({@link dev.parley.live.Swappable} and the
 * recognizer, input and output built on it), so the voice loop keeps its references and only the
 * next utterance or answer meets the new part; and {@link dev.parley.live.LiveSpeechSettings}, which
 * loads what a saved config changed in the background and swaps it in. A part still in use is closed
 * once its last user is done with it.
 */
package dev.parley.live;
