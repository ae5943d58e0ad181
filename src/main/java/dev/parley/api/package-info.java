/**
 * The local control API: REST under {@code /api/v1} and the live event stream (SSE and WebSocket) of
 * the one turn controller. Loopback only by default, every request carries the token of
 * {@link dev.parley.api.ApiToken}. Served by Helidon SE (docs/decisions/0009).
 */
package dev.parley.api;
