package io.reelgate.server.api.kie.market;

import io.reelgate.server.api.kie.ApiEnvelope;
import io.reelgate.server.callback.CallbackRenderer;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskState;
import org.springframework.stereotype.Component;

/**
 * The Market callback (docs/compatibility.md, "KIE Market jobs"): the envelope with code 200 or 501 and the fixed
 * message of each, and as {@code data} the same record recordInfo answers.
 */
@Component
record MarketCallbacks(MarketRecords records) implements CallbackRenderer {

    static final String SUCCESS_MSG = "Playground task completed successfully.";
    static final String FAIL_MSG = "Playground task failed.";

    @Override
    public String dialect() {
        return KieMarketDialect.NAME;
    }

    @Override
    public ApiEnvelope<MarketRecordView> render(Task task) {
        boolean success = task.state() == TaskState.SUCCESS;
        return new ApiEnvelope<>(success ? 200 : 501, success ? SUCCESS_MSG : FAIL_MSG, records.of(task));
    }
}
