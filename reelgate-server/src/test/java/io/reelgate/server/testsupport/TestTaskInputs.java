package io.reelgate.server.testsupport;

import io.reelgate.server.task.TaskInput;

/** A plain 5-second 720p 16:9 text-to-video input, the row most database tests insert. */
public final class TestTaskInputs {

    private TestTaskInputs() {
    }

    public static TaskInput.Builder textToVideo(String prompt) {
        return TaskInput.builder().prompt(prompt).aspectRatio("16:9").quality("720p").duration(5);
    }
}
