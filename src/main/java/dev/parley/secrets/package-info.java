/** API keys kept in the OS keychain (java-keyring); only this package imports it. */
package dev.parley.secrets;
