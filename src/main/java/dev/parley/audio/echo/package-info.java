/**
 * The microphone's echo cancellation and processing: Parley's own voice, as written to the output
 * line, removed from what the microphone hears before voice detection and recognition
 * ({@link dev.parley.audio.echo.LiveEchoCancellation} between the playback and capture threads, an
 * {@link dev.parley.audio.echo.EchoCanceller} doing the work: the WebRTC audio processing module or
 * the pass-through), and its measure, ERLE ({@link dev.parley.audio.echo.EchoReturnLossEnhancement}).
 * The only package that uses webrtc-java (docs/decisions/0012).
 */
package dev.parley.audio.echo;
