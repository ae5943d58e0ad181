/**
 * Audio as Parley moves it around: {@link dev.parley.audio.AudioClip} (mono float samples at a known
 * rate), WAV files in and out ({@link dev.parley.audio.WavFiles}), sample-rate conversion
 * ({@link dev.parley.audio.Resampler}), playback ({@link dev.parley.audio.Speaker}), capture
 * ({@link dev.parley.audio.Microphone}, {@link dev.parley.audio.Recording}) and end-pointing
 * ({@link dev.parley.audio.SpeechEndpointer}).
 *
 * <p>The recognizer wants 16 kHz mono 16-bit PCM and the synthesizer produces 48 kHz mono, so every
 * clip that crosses from one to the other, or arrives from a user's file, passes through here. Nothing
 * in this package knows about recognition, synthesis or the UI.
 */
package dev.parley.audio;
