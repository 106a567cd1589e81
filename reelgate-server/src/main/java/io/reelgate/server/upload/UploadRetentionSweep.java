package io.reelgate.server.upload;

import io.reelgate.server.infra.RetentionJob;
import io.reelgate.server.storage.BlobStore;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes uploads whose retention ran out (KIE: 24 h). Their URLs already answer 404 from the moment they expire,
 * since files are served only through an unexpired row; the sweep reclaims the space. The row is deleted first,
 * and only while still expired, so an upload stored again under the same name in the meantime is left alone.
 */
@Component
public class UploadRetentionSweep extends RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(UploadRetentionSweep.class);

    private final UploadRepository uploads;
    private final BlobStore blobs;
    private final UploadProperties properties;
    private final Clock clock;

    UploadRetentionSweep(UploadRepository uploads, BlobStore blobs, UploadProperties properties, Clock clock) {
        super("upload-retention", properties::sweepInterval);
        this.uploads = uploads;
        this.blobs = blobs;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes everything expired by now; returns how many uploads were deleted. */
    @Override
    public int sweep() {
        Instant now = clock.instant();
        int deleted = inBatches(properties.batchSize(), batch -> uploads.expiredBefore(now, batch), upload -> {
            if (!uploads.deleteIfExpired(upload.blobKey(), now)) {
                return false;
            }
            blobs.delete(upload.blobKey());
            return true;
        });
        if (deleted > 0) {
            log.info("Upload retention sweep deleted {} uploads", deleted);
        }
        return deleted;
    }
}
