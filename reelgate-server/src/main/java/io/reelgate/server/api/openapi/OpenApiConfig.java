package io.reelgate.server.api.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): API keys guard
 * {@code /api/**}, the admin token guards {@code /admin/api/**}; result files ({@code /files/**}) need neither.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String API_KEY = "apiKey";
    static final String ADMIN_TOKEN = "adminToken";

    @Bean
    OpenAPI reelgateOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Reelgate").version("v1").license(new License().name("Apache-2.0"))
                        .description("""
                                Self-hosted gateway speaking the KIE.AI Runway API wire contract. Errors are HTTP 200 \
                                with the error in `code` (as KIE does) unless `reelgate.api.error-http-status=mirror`; \
                                always read `code`. Endpoints tagged *Reelgate extensions* and *Admin* are not in KIE."""))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("API Key").description("An API key: `Authorization: Bearer rg_…`"))
                        .addSecuritySchemes(ADMIN_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("The admin token (`reelgate.admin.token` or data/admin-token.txt)")));
    }

    /**
     * Security by path, the way the filters apply it, and the Reelgate extension headers of the three submit
     * endpoints, in one place rather than on every handler.
     */
    @Bean
    OpenApiCustomizer reelgateSecurityAndHeaders() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            String scheme = path.startsWith("/admin/api/") ? ADMIN_TOKEN : path.startsWith("/api/") ? API_KEY : null;
            if (scheme != null) {
                item.readOperations().forEach(op -> op.setSecurity(List.of(new SecurityRequirement().addList(scheme))));
            }
            if (SUBMIT_PATHS.contains(path) && item.getPost() != null) {
                item.getPost()
                        .addParametersItem(header("Idempotency-Key", "Reelgate extension: the same key and body answer "
                                + "the same taskId (charged once) for 24 h; the same key with another body is a 422"))
                        .addParametersItem(header("Reelgate-Deadline", "Reelgate extension: cancel and refund the task "
                                + "if it has not finished by then, e.g. 90s, 10m, PT1H"));
            }
        });
    }

    /**
     * A nullable object property comes out of the annotations as {@code {"type":["object","null"],"$ref":…}}, which
     * JSON Schema reads as "both", so null would not validate: rewritten as {@code oneOf: [$ref, null]}.
     */
    @Bean
    OpenApiCustomizer reelgateNullableRefs() {
        return openApi -> openApi.getComponents().getSchemas().values().forEach(schema -> {
            Map<String, Schema> properties = schema.getProperties();
            if (properties == null) {
                return;
            }
            properties.replaceAll((name, property) -> {
                if (property.get$ref() == null || property.getTypes() == null || !property.getTypes().contains("null")) {
                    return property;
                }
                return new JsonSchema().description(property.getDescription())
                        .oneOf(List.of(new JsonSchema().$ref(property.get$ref()), new JsonSchema().types(Set.of("null"))));
            });
        });
    }

    private static final Set<String> SUBMIT_PATHS = Set.of("/api/v1/runway/generate", "/api/v1/runway/extend",
            "/api/v1/aleph/generate");

    private static Parameter header(String name, String description) {
        return new Parameter().in("header").name(name).required(false).description(description)
                .schema(new StringSchema());
    }
}
