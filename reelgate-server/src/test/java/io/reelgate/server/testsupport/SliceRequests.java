package io.reelgate.server.testsupport;

import io.reelgate.server.api.AuthenticatedKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
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
