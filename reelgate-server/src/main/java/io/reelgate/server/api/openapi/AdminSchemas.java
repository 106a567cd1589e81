package io.reelgate.server.api.openapi;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;

/** Schema-only request bodies of the admin API (read by hand by the controllers). */
public final class AdminSchemas {

    private AdminSchemas() {
    }

    @Schema(name = "AdminCreateKeyRequest")
    public record CreateKeyRequest(
            @Schema(requiredMode = REQUIRED, maxLength = 200, example = "mobile-app") String name,
            @Schema(minimum = "0", example = "500", description = "Starting balance (default 0)") Long credits) {
    }

    @Schema(name = "AdminCreditsRequest")
    public record CreditsRequest(
            @Schema(requiredMode = REQUIRED, example = "100",
                    description = "Credits to add; negative to correct (the balance never goes below 0)") Long amount,
            @Schema(example = "invoice 7") String note) {
    }
}
