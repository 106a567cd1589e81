package io.reelgate.server.api.kie.market;

import io.reelgate.server.api.kie.ApiEnvelope;
import io.reelgate.server.callback.CallbackRenderer;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskState;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The Market callback (docs/compatibility.md, "KIE Market jobs"): the envelope with code 200 or 501 and the fixed
 * message of each, and as {@code data} the same record recordInfo answers.
 */
@Component
class MarketCallbacks implements CallbackRenderer {

    static final String SUCCESS_MSG = "Playground task completed successfully.";
    static final String FAIL_MSG = "Playground task failed.";

    private final MarketRecords records;
    private final ObjectMapper json;

    MarketCallbacks(MarketRecords records, ObjectMapper json) {
        this.records = records;
        this.json = json;
    }

    @Override
    public String dialect() {
        return KieMarketDialect.NAME;
    }

    @Override
    public String render(Task task) {
        boolean success = task.state() == TaskState.SUCCESS;
        return json.writeValueAsString(new ApiEnvelope<>(success ? 200 : 501, success ? SUCCESS_MSG : FAIL_MSG,
                records.of(task)));
    }
}
