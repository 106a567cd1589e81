package io.reelgate.server.api.kie;

import io.reelgate.server.account.ApiKeySecrets;
import io.reelgate.server.api.common.ApiException;
import io.reelgate.server.api.common.SubmitOptionsReader;
import io.reelgate.server.idempotency.IdempotencyScope;
import io.reelgate.server.idempotency.IdempotencyStore;
import io.reelgate.server.task.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code Idempotency-Key} on the three upload endpoints: the first answer is replayed to a retry of the same
 * request (same endpoint, fields and file bytes) for the idempotency window, so a retried upload never stores a
 * second file under a new random name.
 */
@Component
class IdempotentUploads {

    private final IdempotencyStore replays;
    private final ObjectMapper json;

    IdempotentUploads(IdempotencyStore replays, ObjectMapper json) {
        this.replays = replays;
        this.json = json;
    }

    UploadEnvelope<UploadView> run(HttpServletRequest request, String apiKeyId, String requestContent,
                                   Supplier<UploadEnvelope<UploadView>> upload) {
        String key = request.getHeader(SubmitOptionsReader.IDEMPOTENCY_KEY);
        if (key == null) {
            return upload.get();
        }
        if (key.isBlank() || key.length() > 255) {
            throw new InvalidRequestException(SubmitOptionsReader.IDEMPOTENCY_KEY,
                    SubmitOptionsReader.IDEMPOTENCY_KEY + " must be 1 to 255 characters");
        }
        String hash = ApiKeySecrets.hash(request.getRequestURI() + "\n" + requestContent);
        Optional<String> earlier = replays.replay(IdempotencyScope.UPLOAD, apiKeyId, key.trim(), hash);
        if (earlier.isPresent()) {
            return UploadEnvelope.success(json.readValue(earlier.get(), UploadView.class));
        }
        UploadEnvelope<UploadView> answer = upload.get();
        String stored = replays.remember(IdempotencyScope.UPLOAD, apiKeyId, key.trim(), hash, json.writeValueAsString(answer.data()));
        return UploadEnvelope.success(json.readValue(stored, UploadView.class));
    }

    /** What makes two multipart uploads "the same": their fields and the digest of the file's bytes. */
    static String fingerprint(MultipartHttpServletRequest multipart, MultipartFile file) {
        String digest = "";
        if (file != null) {
            try (InputStream in = new DigestInputStream(file.getInputStream(), MessageDigest.getInstance("SHA-256"))) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
                digest = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new ApiException(400, "Request body is not a readable multipart/form-data upload");
            }
        }
        return multipart.getParameter("uploadPath") + "\n" + multipart.getParameter("fileName") + "\n" + digest;
    }
}
