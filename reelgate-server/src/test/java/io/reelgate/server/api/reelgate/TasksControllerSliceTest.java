package io.reelgate.server.api.reelgate;

import static io.reelgate.server.testsupport.SliceRequests.exactly;
import static io.reelgate.server.testsupport.SliceRequests.get;
import static io.reelgate.server.testsupport.SliceRequests.kieError;
import static io.reelgate.server.testsupport.SliceRequests.postJson;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.reelgate.server.task.TaskCancellation;
import io.reelgate.server.task.TaskListQuery;
import io.reelgate.server.task.TaskNotFoundException;
import io.reelgate.server.task.TaskRepository;
import io.reelgate.server.task.TaskService;
import io.reelgate.server.testsupport.ApiSlice;
import io.reelgate.server.testsupport.SliceRequests;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The task list's filters and the view and cancel errors, on a web slice with the task services mocked. */
@ApiSlice(TasksController.class)
class TasksControllerSliceTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TaskService tasks;

    @MockitoBean
    TaskRepository repository;

    @MockitoBean
    TaskCancellation cancellation;

    @Test
    void aLimitOutsideOneToAHundredOrNotANumberAnswers422NamingLimit() throws Exception {
        mvc.perform(get("/api/v1/tasks?limit=0")).andExpect(kieError(422, "limit must be between 1 and 100"));
        mvc.perform(get("/api/v1/tasks?limit=101")).andExpect(kieError(422, "limit must be between 1 and 100"));
        mvc.perform(get("/api/v1/tasks?limit=many")).andExpect(kieError(422, "limit must be a whole number"));
        verifyNoInteractions(tasks);
    }

    @Test
    void anUnknownStateOrKindAnswers422ListingTheAllowedValues() throws Exception {
        mvc.perform(get("/api/v1/tasks?state=done"))
                .andExpect(kieError(422, "state must be one of wait, queueing, generating, success, fail"));
        mvc.perform(get("/api/v1/tasks?kind=video"))
                .andExpect(kieError(422, "kind must be one of generate, extend, aleph"));
    }

    @Test
    void anEmptyPageHasNoNextCursor() throws Exception {
        when(tasks.list(eq(SliceRequests.KEY.id()), any(TaskListQuery.class))).thenReturn(List.of());

        mvc.perform(get("/api/v1/tasks?state=success&kind=aleph"))
                .andExpect(exactly("{\"code\":200,\"msg\":\"success\",\"data\":{\"tasks\":[],\"nextBefore\":null}}"));
    }

    @Test
    void viewingOrCancellingAnUnknownTaskAnswers404() throws Exception {
        when(tasks.findAny(SliceRequests.KEY.id(), "nope")).thenThrow(new TaskNotFoundException("nope"));
        when(cancellation.cancel(SliceRequests.KEY.id(), "nope")).thenThrow(new TaskNotFoundException("nope"));

        mvc.perform(get("/api/v1/tasks/nope")).andExpect(kieError(404, "Task not found: nope"));
        mvc.perform(postJson("/api/v1/tasks/nope/cancel", "")).andExpect(kieError(404, "Task not found: nope"));
    }
}
