package dev.parley.cli;

import dev.parley.voice.VoiceAssistant;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code parley chat --voice}: Enter toggles push-to-talk (pressing it while Parley speaks cuts the
 * answer off), a typed line is asked as text, and slash commands ({@link ChatLine}) work as in the text chat.
 */
final class VoiceChat {

    private static final Set<VoiceState> AT_REST = EnumSet.of(VoiceState.IDLE, VoiceState.ERROR, VoiceState.INTERRUPTED);
    /** At the end of input a turn in progress may finish: a model answer and its speech take seconds. */
    private static final long LAST_TURN_SECONDS = 120;
    private static final long EFFECT_SECONDS = 5;

    private final VoiceAssistant assistant;
    private final Predicate<String> slashCommand;

    /** {@code slashCommand} handles a "/..." line and says whether the chat goes on. */
    VoiceChat(VoiceAssistant assistant, Predicate<String> slashCommand) {
        this.assistant = assistant;
        this.slashCommand = slashCommand;
    }

    /** Runs until /quit or the end of input. */
    void run(BufferedReader lines) throws IOException, InterruptedException {
        while (true) {
            String line = lines.readLine();
            if (line == null) {
                break;
            }
            String typed = line.strip();
            // Each action waits until it took effect, so the next line sees the state it caused.
            if (typed.isEmpty() && assistant.state() == VoiceState.LISTENING) {
                assistant.releaseToTalk();
                await(state -> state != VoiceState.LISTENING, EFFECT_SECONDS);
            } else if (typed.isEmpty()) {
                assistant.pressToTalk();
                await(state -> state == VoiceState.LISTENING || state == VoiceState.ERROR, EFFECT_SECONDS);
            } else if (ChatLine.isCommand(typed)) {
                if (!slashCommand.test(typed)) {
                    break;
                }
            } else {
                assistant.ask(ChatLine.question(typed));
                await(state -> !AT_REST.contains(state), EFFECT_SECONDS);
            }
        }
        assistant.setHandsFree(false); // the input ended: no new question after the one in progress
        if (assistant.state() == VoiceState.LISTENING) {
            assistant.releaseToTalk();
            await(state -> state != VoiceState.LISTENING, EFFECT_SECONDS);
        }
        await(AT_REST::contains, LAST_TURN_SECONDS);
    }

    private void await(Predicate<VoiceState> reached, long seconds) throws InterruptedException {
        Object rest = new Object();
        try (AutoCloseable subscription = assistant.subscribe(event -> {
            if (event instanceof VoiceEvent.StateChanged) {
                synchronized (rest) {
                    rest.notifyAll();
                }
            }
        })) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            synchronized (rest) {
                while (!reached.test(assistant.state()) && System.nanoTime() < deadline) {
                    rest.wait(100);
                }
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
