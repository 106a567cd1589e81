package io.reelgate.server.api.kie.runway;

import static io.reelgate.server.testsupport.SliceRequests.exactly;
import static io.reelgate.server.testsupport.SliceRequests.get;
import static io.reelgate.server.testsupport.SliceRequests.kieError;
import static io.reelgate.server.testsupport.SliceRequests.postJson;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.reelgate.server.task.TaskNotFoundException;
import io.reelgate.server.task.TaskService;
import io.reelgate.server.testsupport.ApiSlice;
import io.reelgate.server.testsupport.SliceRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The Aleph generate and record-info rules and error envelopes, on a web slice with the service mocked. */
@ApiSlice(AlephController.class)
@Import({AlephRequestParser.class, AlephDetailViews.class})
class AlephControllerSliceTest {

    private static final String GENERATE = "/api/v1/aleph/generate";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TaskService tasks;

    @Test
    void generateWithoutVideoUrlAnswers422NamingVideoUrl() throws Exception {
        expectError(GENERATE, "{\"prompt\":\"make it snow\"}", 422, "videoUrl is required");
        verifyNoInteractions(tasks);
    }

    @Test
    void generateWithoutPromptAnswers422NamingPrompt() throws Exception {
        expectError(GENERATE, "{\"videoUrl\":\"https://example.com/v.mp4\"}", 422, "prompt is required");
    }

    @Test
    void generateWithAVideoUrlThatIsNotHttpAnswers422() throws Exception {
        expectError(GENERATE, "{\"prompt\":\"p\",\"videoUrl\":\"file:///etc/passwd\"}", 422,
                "videoUrl must be an absolute http or https URL");
    }

    @Test
    void generateWithAnUnknownAspectRatioAnswers422ListingTheAllowedOnes() throws Exception {
        expectError(GENERATE, "{\"prompt\":\"p\",\"videoUrl\":\"https://example.com/v.mp4\",\"aspectRatio\":\"2:1\"}", 422,
                "aspectRatio must be one of 16:9, 9:16, 4:3, 3:4, 1:1, 21:9 (got 2:1)");
    }

    @Test
    void generateWithASeedOfTheWrongTypeAnswers422NamingSeed() throws Exception {
        expectError(GENERATE, "{\"prompt\":\"p\",\"videoUrl\":\"https://example.com/v.mp4\",\"seed\":\"lucky\"}", 422,
                "seed must be a whole number");
    }

    @Test
    void generateAcceptedAnswersTheTaskIdTheServiceGaveTheParsedRequest() throws Exception {
        when(tasks.submitAleph(eq(SliceRequests.KEY.id()), eq(KieRunwayDialect.NAME),
                argThat(r -> r.videoUrl().equals("https://example.com/v.mp4") && r.seed() == 7L), any()))
                .thenReturn("aleph-1");

        mvc.perform(postJson(GENERATE, "{\"prompt\":\"snow\",\"videoUrl\":\"https://example.com/v.mp4\",\"seed\":7}"))
                .andExpect(exactly("{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":\"aleph-1\"}}"));
    }

    @Test
    void recordInfoWithoutTaskIdAnswers422AndOfAnUnknownTask404() throws Exception {
        when(tasks.findAleph(SliceRequests.KEY.id(), KieRunwayDialect.NAME, "nope")).thenThrow(new TaskNotFoundException("nope"));

        mvc.perform(get("/api/v1/aleph/record-info")).andExpect(kieError(422, "taskId is required"));
        mvc.perform(get("/api/v1/aleph/record-info?taskId=nope")).andExpect(kieError(404, "Task not found: nope"));
    }

    private void expectError(String path, String body, int code, String msg) throws Exception {
        mvc.perform(postJson(path, body)).andExpect(kieError(code, msg));
    }
}
