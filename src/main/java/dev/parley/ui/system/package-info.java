/**
 * Parley beyond its window: the talk key held while another application has focus and the
 * system-tray icon. Each platform service sits behind an interface of Parley's own
 * ({@link dev.parley.ui.system.GlobalKeys}, {@link dev.parley.ui.system.Tray}) with one real
 * implementation (JNativeHook, {@code java.awt.SystemTray}) and a fake in the tests; the wiring
 * classes ({@link dev.parley.ui.system.GlobalTalkKey}, {@link dev.parley.ui.system.TrayPresence})
 * only see the interfaces. The only package that uses JNativeHook and {@code java.awt}.
 */
package dev.parley.ui.system;
