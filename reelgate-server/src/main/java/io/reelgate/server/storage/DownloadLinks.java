package io.reelgate.server.storage;

import io.reelgate.server.crypto.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Time-limited download links (KIE's common/download-url, 20 minutes): the blob key, an expiry and an HMAC over
 * both, so a link cannot be extended or pointed at another file.
 */
@Component
public class DownloadLinks {

    public record Signed(long expires, String signature) {
    }

    private final ServerSecrets secrets;
    private final Clock clock;
    private final Duration validity;

    public DownloadLinks(ServerSecrets secrets, Clock clock, @Value("${reelgate.download-url.validity:20m}") Duration validity) {
        this.secrets = secrets;
        this.clock = clock;
        this.validity = validity;
    }

    public Signed sign(String key) {
        long expires = clock.instant().plus(validity).getEpochSecond();
        return new Signed(expires, signature(key, expires));
    }

    /** True while the link is unexpired and its signature matches the key. */
    public boolean verify(String key, long expires, String signature) {
        if (Instant.ofEpochSecond(expires).isBefore(clock.instant())) {
            return false;
        }
        return MessageDigest.isEqual(signature(key, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String key, long expires) {
        byte[] digest = HmacSha256.sign(secrets.get("download-links"), key + "\n" + expires);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
