package dev.parley.config;

import java.util.Map;

/**
 * The {@code usage} section: prices per model, in US dollars per million tokens, that override or
 * add to Parley's built-in list for cost estimates.
 */
public record UsageConfig(Map<String, ModelPrice> prices) {

    public record ModelPrice(double input, double output) {}
}
