package dev.parley.ui;

/** One piece of start-up work done in the background (the speech model, the voice). */
public record LoadStep(String label, Runnable work) {}
