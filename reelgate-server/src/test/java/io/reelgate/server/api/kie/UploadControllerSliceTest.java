package io.reelgate.server.api.kie;

import static io.reelgate.server.testsupport.SliceRequests.postJson;
import static io.reelgate.server.testsupport.SliceRequests.uploadFailure;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.reelgate.server.testsupport.ApiSlice;
import io.reelgate.server.testsupport.SliceRequests;
import io.reelgate.server.upload.UploadRefusedException;
import io.reelgate.server.api.common.AuthenticatedKey;
import io.reelgate.server.api.common.SubmitOptionsReader;
import io.reelgate.server.idempotency.IdempotencyStore;
import io.reelgate.server.upload.UploadService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The three upload endpoints answer in the upload host's envelope ({@code success}, {@code code}, {@code msg},
 * {@code data}) for every error: field types, bodies of the wrong kind, and the service's refusals.
 */
@ApiSlice(UploadController.class)
@Import(IdempotentUploads.class)
class UploadControllerSliceTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UploadService uploads;

    @MockitoBean
    IdempotencyStore replays;

    @Test
    void aUrlUploadWithAFieldThatIsNotAStringAnswers400NamingIt() throws Exception {
        mvc.perform(postJson(UploadPaths.URL, "{\"fileUrl\":42,\"uploadPath\":\"images\"}"))
                .andExpect(uploadFailure(400, "fileUrl must be a string"));
        mvc.perform(postJson(UploadPaths.URL, "{\"fileUrl\":\"https://example.com/a.png\",\"uploadPath\":[\"images\"]}"))
                .andExpect(uploadFailure(400, "uploadPath must be a string"));
        verifyNoInteractions(uploads);
    }

    @Test
    void aBase64UploadWithDataThatIsNotAStringAnswers400() throws Exception {
        mvc.perform(postJson(UploadPaths.BASE64, "{\"base64Data\":{\"x\":1},\"uploadPath\":\"images\"}"))
                .andExpect(uploadFailure(400, "base64Data must be a string"));
        verifyNoInteractions(uploads);
    }

    @Test
    void anEmptyJsonBodyAnswers400InTheUploadEnvelope() throws Exception {
        mvc.perform(postJson(UploadPaths.BASE64, "")).andExpect(uploadFailure(400, "Request body is empty; send a JSON object"));
    }

    @Test
    void aStreamUploadThatIsNotMultipartAnswers400() throws Exception {
        mvc.perform(postJson(UploadPaths.STREAM, "{}")).andExpect(uploadFailure(400, "Content-Type must be multipart/form-data"));
        verifyNoInteractions(uploads);
    }

    @Test
    void aRefusalOfTheServiceIsAnswered400WithItsMessage() throws Exception {
        when(uploads.storeFromUrl(eq(SliceRequests.KEY.id()), any(), any(), any()))
                .thenThrow(new UploadRefusedException("uploadPath is required"));

        mvc.perform(postJson(UploadPaths.URL, "{\"fileUrl\":\"https://example.com/a.png\"}"))
                .andExpect(uploadFailure(400, "uploadPath is required"));
    }

    @Test
    void anUnexpectedFailureAnswersTheUploadHostsOwn500Text() throws Exception {
        when(uploads.storeBase64(any(), any(), any(), any())).thenThrow(new IllegalStateException("disk on fire"));

        mvc.perform(postJson(UploadPaths.BASE64, "{\"base64Data\":\"aGk=\",\"uploadPath\":\"images\"}"))
                .andExpect(uploadFailure(500, UploadEnvelope.SERVER_ERROR_MSG));
    }

    @Test
    void aStreamUploadWithAnOverlongIdempotencyKeyAnswers422() throws Exception {
        mvc.perform(MockMvcRequestBuilders.multipart(UploadPaths.STREAM).file("file", new byte[] {1, 2, 3})
                        .param("uploadPath", "images").header(SubmitOptionsReader.IDEMPOTENCY_KEY, "k".repeat(256))
                        .requestAttr(AuthenticatedKey.ATTRIBUTE, SliceRequests.KEY))
                .andExpect(uploadFailure(422, SubmitOptionsReader.IDEMPOTENCY_KEY + " must be 1 to 255 characters"));
        verifyNoInteractions(uploads);
    }
}
