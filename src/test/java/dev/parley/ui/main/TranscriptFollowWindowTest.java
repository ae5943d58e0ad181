package dev.parley.ui.main;

import static dev.parley.ui.FxLookup.node;
import static dev.parley.ui.FxLookup.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.pipeline.TurnEvent;
import dev.parley.voice.VoiceEvent;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A streaming answer scrolls the transcript only while the user reads at its bottom. */
@Tag("ui")
class TranscriptFollowWindowTest extends MainWindowFixture {

    private static final String LONG = "A sentence that takes a line or two of the bubble to say what it says. ";

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
        stage.setHeight(500);
    }

    @Test
    void anAnswerStreamingWhileTheUserScrolledUpLeavesTheViewWhereItWas(FxRobot robot) throws Exception {
        ScrollPane transcript = startLongTranscriptAndAnswer(robot);
        robot.interact(() -> transcript.setVvalue(0.2));
        WaitForAsyncUtils.waitForFxEvents();
        double top = offset(transcript);

        streamMoreText(robot);

        assertThat(offset(transcript)).isCloseTo(top, org.assertj.core.data.Offset.offset(1.0));
        assertThat(transcript.getVvalue()).isLessThan(1);
    }

    @Test
    void anAnswerStreamingWhileTheUserIsAtTheBottomIsFollowed(FxRobot robot) throws Exception {
        ScrollPane transcript = startLongTranscriptAndAnswer(robot);
        robot.interact(() -> transcript.setVvalue(1));

        streamMoreText(robot);

        assertThat(transcript.getVvalue()).isEqualTo(1);
    }

    /** Several answered questions, more than the window shows, and turn 99's answer starting. */
    private ScrollPane startLongTranscriptAndAnswer(FxRobot robot) throws Exception {
        assistant.replyPieces = java.util.List.of(LONG, LONG, LONG);
        for (int i = 0; i < 4; i++) {
            int n = i;
            robot.interact(() -> {
                ui.main().inputProperty().set("question " + n);
                ui.main().send();
            });
        }
        ScrollPane transcript = node(robot, "transcript");
        waitUntil(() -> bubbleTexts(robot).size() == 8);
        robot.interact(() -> {
            assistant.emit(new VoiceEvent.Reply(new TurnEvent.Started(99, "and then?", "scripted")));
            laidOut(transcript);
        });
        assertThat(((javafx.scene.layout.Region) transcript.getContent()).getHeight())
                .isGreaterThan(transcript.getViewportBounds().getHeight() * 2);
        return transcript;
    }

    private void streamMoreText(FxRobot robot) {
        ScrollPane transcript = node(robot, "transcript");
        for (int i = 0; i < 3; i++) {
            robot.interact(() -> {
                assistant.emit(new VoiceEvent.Reply(new TurnEvent.Text(99, LONG)));
                laidOut(transcript);
            });
        }
    }

    /** Lays the window out now, as the next pulse would: the transcript's growth is handled before the test goes on. */
    private static void laidOut(ScrollPane transcript) {
        transcript.getScene().getRoot().applyCss();
        transcript.getScene().getRoot().layout();
    }

    /** How far down the content the view's top is, in pixels. */
    private static double offset(ScrollPane pane) {
        double content = ((javafx.scene.layout.Region) pane.getContent()).getHeight();
        return pane.getVvalue() * Math.max(0, content - pane.getViewportBounds().getHeight());
    }
}
