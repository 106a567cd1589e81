package io.reelgate.server.api.kie.runway;

import io.reelgate.server.task.ExtendRequest;
import io.reelgate.server.task.InvalidRequestException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The rules of {@code POST /api/v1/runway/extend} (docs/kie-contract.md, "Extend"); parent checks are the service's. */
@Component
class ExtendRequestParser {

    ExtendRequest parse(JsonNode json) {
        RequestFields body = new RequestFields(json);
        String taskId = body.requiredString("taskId").trim();
        if (taskId.length() > 64) {
            throw new InvalidRequestException("taskId", "taskId must be at most 64 characters");
        }
        return new ExtendRequest(taskId, KieFieldRules.prompt(body, KieFieldRules.MAX_PROMPT_LENGTH),
                KieFieldRules.quality(body), KieFieldRules.waterMark(body), body.optionalHttpUrl("callBackUrl"));
    }
}
