package io.reelgate.server.api.kie;

import static io.reelgate.server.testsupport.SliceRequests.kieError;
import static io.reelgate.server.testsupport.SliceRequests.postJson;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.reelgate.server.storage.DownloadLinks;
import io.reelgate.server.task.TaskRepository;
import io.reelgate.server.testsupport.ApiSlice;
import io.reelgate.server.testsupport.SliceRequests;
import io.reelgate.server.upload.UploadService;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Which URLs {@code download-url} signs, and its error envelopes, on a web slice with storage and lookups mocked. */
@ApiSlice(DownloadUrlController.class)
class DownloadUrlControllerSliceTest {

    private static final String PATH = "/api/v1/common/download-url";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TaskRepository tasks;

    @MockitoBean
    UploadService uploads;

    @MockitoBean
    DownloadLinks links;

    @Test
    void withoutUrlAnswers422NamingUrl() throws Exception {
        expectError("{}", 422, "url is required");
    }

    @Test
    void anExternalUrlOrOneOutsideResultsAndUploadsAnswers422() throws Exception {
        expectError("{\"url\":\"https://elsewhere.example/video.mp4\"}", 422, DownloadUrlController.NOT_OURS);
        expectError("{\"url\":\"http://localhost/files/../etc/passwd\"}", 422, DownloadUrlController.NOT_OURS);
        expectError("{\"url\":\"http://localhost/files/secrets/key\"}", 422, DownloadUrlController.NOT_OURS);
        verifyNoInteractions(links);
    }

    @Test
    void aResultOfSomeoneElsesOrAnUnknownTaskAnswers404() throws Exception {
        when(tasks.findOwned("t-1", SliceRequests.KEY.id())).thenReturn(Optional.empty());
        String url = "http://localhost/files/results/t-1/video.mp4";

        expectError("{\"url\":\"" + url + "\"}", 404, "File not found or expired: " + url);
        verifyNoInteractions(links);
    }

    private void expectError(String body, int code, String msg) throws Exception {
        mvc.perform(postJson(PATH, body)).andExpect(kieError(code, msg));
    }
}
