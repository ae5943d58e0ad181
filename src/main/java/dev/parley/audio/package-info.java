/**
 * Audio as Parley moves it around: {@link dev.parley.audio.AudioClip} (mono float samples at a known
 * rate), WAV files in and out ({@link dev.parley.audio.WavFiles}), sample-rate conversion
 * ({@link dev.parley.audio.Resampler}) and playback ({@link dev.parley.audio.Speaker}).
 *
 * <p>The recognizer wants 16 kHz mono 16-bit PCM and the synthesizer produces 48 kHz mono, so every
 * clip that crosses from one to the other, or arrives from a user's file, passes through here. Nothing
 * in this package knows about recognition, synthesis or the UI.
 */
package dev.parley.audio;
