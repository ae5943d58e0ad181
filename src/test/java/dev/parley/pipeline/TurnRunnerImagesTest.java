package dev.parley.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.conversation.Conversation;
import dev.parley.image.ImagePreparer;
import dev.parley.image.TurnImage;
import dev.parley.llm.LlmException;
import dev.parley.testing.FakeLanguageModel;
import dev.parley.testing.FakeLanguageModel.Script;
import dev.parley.testing.TestImages;
import dev.parley.text.SentenceChunker;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A turn that shows images: they reach the model with the question, or the turn is refused before anything. */
class TurnRunnerImagesTest {

    private static final SentenceChunker.Settings CHUNKING = new SentenceChunker.Settings(3, 200);
    private final TurnImage picture = new ImagePreparer(ImagePreparer.DEFAULT_MAX_SIDE)
            .prepare(TestImages.png(32, 32), "dot.png");

    private static TurnRunner runner(FakeLanguageModel model, ImageRules rules) {
        return new TurnRunner(model, null, CHUNKING, Thread.ofPlatform().daemon(true).factory(), rules);
    }

    @Test
    void theImagesGoWithTheQuestionAndStayInTheConversation() {
        FakeLanguageModel model = new FakeLanguageModel("eyes", Script.of("A dot.")).seeing();
        Conversation conversation = new Conversation("");
        try (TurnRunner runner = runner(model, ImageRules.DEFAULTS)) {
            runner.run(conversation, "What is this?", List.of(picture), new TurnClock(), event -> { }, null);
        }

        assertThat(model.requests().getFirst().getLast().images()).containsExactly(picture);
        assertThat(conversation.turns().getFirst().images()).containsExactly(picture);
        assertThat(conversation.turns().get(1).text()).isEqualTo("A dot.");
    }

    @Test
    void aModelThatCannotSeeIsRefusedBeforeAnyRequestNamingOneThatCan() {
        FakeLanguageModel model = new FakeLanguageModel("blind", Script.of("never"));
        Conversation conversation = new Conversation("");
        ImageRules rules = new ImageRules(4, provider -> provider + " cannot see; ask 'eyes'.");
        try (TurnRunner runner = runner(model, rules)) {
            assertThat(runner.imageRefusal(List.of(picture))).contains("blind cannot see; ask 'eyes'.");
            assertThatThrownBy(() -> runner.run(conversation, "Look", List.of(picture), new TurnClock(), event -> { },
                    null))
                    .isInstanceOf(LlmException.class)
                    .hasMessage("blind cannot see; ask 'eyes'.")
                    .extracting(e -> ((LlmException) e).kind()).isEqualTo(LlmException.Kind.INVALID_REQUEST);
        }

        assertThat(model.requests()).isEmpty();
        assertThat(conversation.turns()).isEmpty();
    }

    @Test
    void moreThanTheMaxCountIsRefused() {
        FakeLanguageModel model = new FakeLanguageModel("eyes").seeing();
        try (TurnRunner runner = runner(model, new ImageRules(2, provider -> ""))) {
            assertThatThrownBy(() -> runner.run(new Conversation(""), "Look", Collections.nCopies(3, picture),
                    new TurnClock(), event -> { }, null))
                    .hasMessage("A turn may show at most 2 images (llm.images.max-count); this one has 3.");
        }

        assertThat(model.requests()).isEmpty();
    }

    @Test
    void aTextTurnNeedsNoEyes() {
        FakeLanguageModel model = new FakeLanguageModel("blind", Script.of("Hi."));
        try (TurnRunner runner = runner(model, ImageRules.DEFAULTS)) {
            assertThat(runner.run(new Conversation(""), "Hello", new TurnClock(), event -> { }, null).text())
                    .isEqualTo("Hi.");
        }
    }
}
