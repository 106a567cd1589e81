package io.reelgate.server.api.kie.runway;

import static io.reelgate.server.testsupport.SliceRequests.error;
import static io.reelgate.server.testsupport.SliceRequests.exactly;
import static io.reelgate.server.testsupport.SliceRequests.get;
import static io.reelgate.server.testsupport.SliceRequests.kieError;
import static io.reelgate.server.testsupport.SliceRequests.postJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reelgate.server.task.GenerateRequest;
import io.reelgate.server.task.TaskNotFoundException;
import io.reelgate.server.task.TaskService;
import io.reelgate.server.testsupport.ApiSlice;
import io.reelgate.server.testsupport.SliceRequests;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The Runway generate, extend and record-detail rules and error envelopes, on a web slice with the service mocked. */
@ApiSlice(RunwayController.class)
@Import({GenerateRequestParser.class, ExtendRequestParser.class, TaskDetailViews.class})
class RunwayControllerSliceTest {

    private static final String GENERATE = "/api/v1/runway/generate";
    private static final String EXTEND = "/api/v1/runway/extend";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TaskService tasks;

    @Test
    void generateWithoutPromptAnswers422NamingPrompt() throws Exception {
        expectError(mvc.perform(postJson(GENERATE, "{\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}")),
                422, "prompt is required");
        verifyNoInteractions(tasks);
    }

    @Test
    void generateWithADurationOfTheWrongTypeAnswers422NamingDuration() throws Exception {
        expectError(mvc.perform(postJson(GENERATE,
                "{\"prompt\":\"p\",\"duration\":\"five\",\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}")),
                422, "duration must be a whole number");
    }

    @Test
    void generateWithAnInvalidQualityAnswers422WithTheValueGiven() throws Exception {
        expectError(mvc.perform(postJson(GENERATE, "{\"prompt\":\"p\",\"duration\":5,\"quality\":\"4k\",\"aspectRatio\":\"16:9\"}")),
                422, "quality must be 720p or 1080p (got 4k)");
    }

    @Test
    void generateWithABodyThatIsNotAnObjectAnswers422() throws Exception {
        expectError(mvc.perform(postJson(GENERATE, "[1,2]")), 422, "Request body must be a JSON object");
    }

    @Test
    void generateWithBrokenJsonAnswers400InTheEnvelope() throws Exception {
        mvc.perform(postJson(GENERATE, "{\"prompt\": \"unterminated"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(400))
                .andExpect(jsonPath("$.msg").value(org.hamcrest.Matchers.startsWith("Request body is not valid JSON: ")))
                .andExpect(jsonPath("$.data").isEmpty());
        verifyNoInteractions(tasks);
    }

    @Test
    void generateWithAnEmptyBodyOrAFormAnswers400() throws Exception {
        expectError(mvc.perform(postJson(GENERATE, "")), 400, "Request body is empty; send a JSON object");
        expectError(mvc.perform(postJson(GENERATE, "prompt=p").contentType("application/x-www-form-urlencoded")), 400,
                "Content-Type must be application/json (got application/x-www-form-urlencoded)");
    }

    @Test
    void generateAcceptedHandsTheParsedRequestToTheServiceAndAnswersItsTaskId() throws Exception {
        when(tasks.submitGenerate(eq(SliceRequests.KEY.id()), eq(KieRunwayDialect.NAME), any(), any())).thenReturn("task-1");

        mvc.perform(postJson(GENERATE, "{\"prompt\":\"a fox\",\"duration\":\"10\",\"quality\":\"720p\",\"aspectRatio\":\"9:16\"}"))
                .andExpect(exactly("{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":\"task-1\"}}"));

        ArgumentCaptor<GenerateRequest> request = ArgumentCaptor.forClass(GenerateRequest.class);
        Mockito.verify(tasks).submitGenerate(eq(SliceRequests.KEY.id()), eq(KieRunwayDialect.NAME), request.capture(), any());
        assertThat(request.getValue().prompt()).isEqualTo("a fox");
        assertThat(request.getValue().duration()).isEqualTo(10);
        assertThat(request.getValue().aspectRatio()).isEqualTo("9:16");
    }

    @Test
    void extendWithoutTaskIdAnswers422NamingTaskId() throws Exception {
        expectError(mvc.perform(postJson(EXTEND, "{\"prompt\":\"on\",\"quality\":\"720p\"}")), 422, "taskId is required");
    }

    @Test
    void extendOfAnUnknownTaskAnswers404() throws Exception {
        when(tasks.submitExtend(any(), any(), any(), any())).thenThrow(new TaskNotFoundException("nope"));

        expectError(mvc.perform(postJson(EXTEND, "{\"taskId\":\"nope\",\"prompt\":\"on\",\"quality\":\"720p\"}")), 404,
                "Task not found: nope");
    }

    @Test
    void recordDetailWithoutTaskIdAnswers422() throws Exception {
        expectError(mvc.perform(get("/api/v1/runway/record-detail")), 422, "taskId is required");
    }

    @Test
    void recordDetailOfAnUnknownTaskAnswers404() throws Exception {
        when(tasks.findRunway(SliceRequests.KEY.id(), KieRunwayDialect.NAME, "nope")).thenThrow(new TaskNotFoundException("nope"));

        expectError(mvc.perform(get("/api/v1/runway/record-detail?taskId=nope")), 404, "Task not found: nope");
    }

    @Test
    void aWrongMethodAnswers405InTheEnvelope() throws Exception {
        expectError(mvc.perform(get(GENERATE)), 405, "Method GET is not allowed here");
    }

    /** With {@code error-http-status=mirror} the HTTP status repeats the code; the envelope stays the same. */
    @Nested
    @TestPropertySource(properties = "reelgate.api.error-http-status=mirror")
    class MirroringTheCodeInTheHttpStatus {

        @Test
        void aValidationErrorIsHttp422AndAnUnknownTaskHttp404() throws Exception {
            when(tasks.findRunway(SliceRequests.KEY.id(), KieRunwayDialect.NAME, "nope")).thenThrow(new TaskNotFoundException("nope"));

            mvc.perform(postJson(GENERATE, "{}")).andExpect(status().isUnprocessableContent())
                    .andExpect(content().json(error(422, "prompt is required"), JsonCompareMode.STRICT));
            mvc.perform(get("/api/v1/runway/record-detail?taskId=nope")).andExpect(status().isNotFound())
                    .andExpect(content().json(error(404, "Task not found: nope"), JsonCompareMode.STRICT));
        }
    }

    private static void expectError(ResultActions answer, int code, String msg) throws Exception {
        answer.andExpect(kieError(code, msg));
    }
}
