package io.reelgate.server.testsupport;

import io.reelgate.server.api.common.AuthenticatedKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import tools.jackson.databind.json.JsonMapper;

/** Requests to an {@link ApiSlice} as an authenticated key, and the exact envelopes they answer with. */
public final class SliceRequests {

    public static final AuthenticatedKey KEY = new AuthenticatedKey("key-1", "slice test");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SliceRequests() {
    }

    public static MockHttpServletRequestBuilder postJson(String path, String body) {
        return MockMvcRequestBuilders.post(path).requestAttr(AuthenticatedKey.ATTRIBUTE, KEY)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    public static MockHttpServletRequestBuilder get(String path) {
        return MockMvcRequestBuilders.get(path).requestAttr(AuthenticatedKey.ATTRIBUTE, KEY);
    }

    /**
     * Exactly the KIE error envelope {@code {"code":…,"msg":…,"data":null}}, with HTTP 200: KIE answers errors so,
     * with the real status in {@code code} ({@code reelgate.api.error-http-status=kie}, the default).
     */
    public static ResultMatcher kieError(int code, String msg) {
        return exactly(error(code, msg));
    }

    /** Exactly the upload host's error envelope, with HTTP 200 as above. */
    public static ResultMatcher uploadFailure(int code, String msg) {
        return exactly(uploadError(code, msg));
    }

    /** Exactly this JSON body (no field more or less), with HTTP 200. */
    public static ResultMatcher exactly(String json) {
        return result -> {
            MockMvcResultMatchers.status().isOk().match(result);
            MockMvcResultMatchers.content().json(json, JsonCompareMode.STRICT).match(result);
        };
    }

    /** The KIE error envelope {@code {"code":…,"msg":…,"data":null}}, as JSON text. */
    public static String error(int code, String msg) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("code", code);
        envelope.put("msg", msg);
        envelope.put("data", null);
        return JSON.writeValueAsString(envelope);
    }

    /** The upload host's error envelope {@code {"success":false,"code":…,"msg":…,"data":null}}, as JSON text. */
    public static String uploadError(int code, String msg) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("success", false);
        envelope.put("code", code);
        envelope.put("msg", msg);
        envelope.put("data", null);
        return JSON.writeValueAsString(envelope);
    }
}
