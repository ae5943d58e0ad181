package dev.parley.config;

import dev.parley.ParleyException;

/** config.yaml cannot be used; the message names the file, the key and, where known, the line. */
public final class ConfigException extends ParleyException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
