/**
 * The Settings screen: {@link dev.parley.ui.settings.SettingsViewModel} (the form's state and saving)
 * with {@link dev.parley.ui.settings.ProviderRows} (the Providers tab's list) and
 * {@link dev.parley.ui.settings.SettingsChecks} (field checks over {@link dev.parley.config.ConfigRules},
 * the loader's own rules), shown by {@link dev.parley.ui.settings.SettingsView} in a
 * {@link dev.parley.ui.settings.SettingsWindow}. It reaches the rest of Parley only through
 * {@link dev.parley.ui.settings.SettingsBackend}.
 */
package dev.parley.ui.settings;
