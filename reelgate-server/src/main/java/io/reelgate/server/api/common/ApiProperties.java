package io.reelgate.server.api.common;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param errorHttpStatus {@code kie}: every envelope answer is HTTP 200 with the real status in {@code code}, as
 *                        the live KIE service does; {@code mirror}: the HTTP status follows {@code code}
 * @param timeZone        zone of {@code generateTime} and other {@code yyyy-MM-dd HH:mm:ss} stamps
 * @param publicBaseUrl   base of the file URLs handed out (e.g. {@code https://videos.example.com}); empty means
 *                        the scheme, host and port the request came in on
 * @param maxJsonBody     largest JSON request body accepted
 */
@ConfigurationProperties("reelgate.api")
public record ApiProperties(
        @DefaultValue("kie") ErrorHttpStatus errorHttpStatus,
        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("") String publicBaseUrl,
        @DefaultValue("1MB") DataSize maxJsonBody) {

    public enum ErrorHttpStatus { KIE, MIRROR }
}
