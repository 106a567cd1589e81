package io.reelgate.server.upload;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the KIE File Upload API (docs/kie-contract.md, "File Upload API").
 *
 * @param maxBytes       largest file accepted by the stream and URL uploads (KIE: "recommended max 100 MB"); the
 *                       multipart limits are derived from it
 * @param maxBase64Bytes largest decoded file accepted by the base64 upload, which is necessarily held in memory
 *                       (KIE: base64 "recommended for files ≤ 10 MB")
 * @param retention      how long an upload stays downloadable; the newest KIE pages say 24 h, older ones 3 days
 * @param sweepInterval  how often expired uploads are deleted
 * @param batchSize      rows handled per sweep query
 */
@ConfigurationProperties("reelgate.upload")
public record UploadProperties(
        @DefaultValue("100MB") DataSize maxBytes,
        @DefaultValue("10MB") DataSize maxBase64Bytes,
        @DefaultValue("24h") Duration retention,
        @DefaultValue("10m") Duration sweepInterval,
        @DefaultValue("500") int batchSize) {

    /** JSON room for a base64 file of {@link #maxBase64Bytes}: 4/3 for the encoding plus slack for the other fields. */
    public long base64BodyLimit() {
        return maxBase64Bytes.toBytes() / 3 * 4 + 4 + 64 * 1024;
    }
}
