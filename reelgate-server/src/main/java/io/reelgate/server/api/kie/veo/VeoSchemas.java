package io.reelgate.server.api.kie.veo;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;

/** The documented Veo request bodies whose fields do not come from a registry entry, for the OpenAPI document. */
final class VeoSchemas {

    private VeoSchemas() {
    }

    @Schema(name = "VeoFourKRequest", description = "Re-renders a successful generate task at 3840x2160")
    record FourKRequest(
            @Schema(requiredMode = REQUIRED, description = "The successful generate task") String taskId,
            @Schema(description = "Which video of the task; only 0", defaultValue = "0") Integer index,
            @Schema(format = "uri", description = "Receives the 4K callback; default the task's own") String callBackUrl) {
    }

    @Schema(name = "VeoExtendRequest", description = "Continues a successful generate or extend task")
    record ExtendRequest(
            @Schema(requiredMode = REQUIRED, description = "The task to continue") String taskId,
            @Schema(requiredMode = REQUIRED, description = "What happens next") String prompt,
            @Schema(minimum = "10000", maximum = "99999") Integer seeds,
            @Schema(allowableValues = {"fast", "quality", "lite"}, defaultValue = "fast") String model,
            String watermark,
            @Schema(format = "uri") String callBackUrl) {
    }
}
