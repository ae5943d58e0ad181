package dev.parley.ui.main;

/** One piece of start-up work done in the background (the speech model, the voice). */
public record LoadStep(String label, Runnable work) {}
