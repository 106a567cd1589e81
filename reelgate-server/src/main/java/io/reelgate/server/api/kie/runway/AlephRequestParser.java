package io.reelgate.server.api.kie.runway;

import io.reelgate.server.task.AlephRequest;
import io.reelgate.server.task.InvalidRequestException;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The rules of {@code POST /api/v1/aleph/generate} (docs/kie-contract.md, "Aleph generate"). */
@Component
class AlephRequestParser {

    static final List<String> ASPECT_RATIOS = List.of("16:9", "9:16", "4:3", "3:4", "1:1", "21:9");

    AlephRequest parse(JsonNode json) {
        RequestFields body = new RequestFields(json);
        String prompt = KieFieldRules.prompt(body, KieFieldRules.MAX_ALEPH_PROMPT_LENGTH);
        String videoUrl = body.optionalHttpUrl("videoUrl");
        if (videoUrl == null) {
            throw new InvalidRequestException("videoUrl", "videoUrl is required");
        }
        Long seedValue = body.optionalLong("seed");
        return new AlephRequest(prompt, videoUrl, body.optionalHttpUrl("callBackUrl"), KieFieldRules.waterMark(body),
                body.lenientBoolean("uploadCn"), aspectRatio(body), seedValue, body.optionalHttpUrl("referenceImage"),
                json.toString());
    }

    private static String aspectRatio(RequestFields body) {
        String ratio = body.optionalString("aspectRatio");
        if (ratio == null) {
            return null;
        }
        if (!ASPECT_RATIOS.contains(ratio.trim())) {
            throw new InvalidRequestException("aspectRatio",
                    "aspectRatio must be one of " + String.join(", ", ASPECT_RATIOS) + " (got " + ratio + ")");
        }
        return ratio.trim();
    }
}
