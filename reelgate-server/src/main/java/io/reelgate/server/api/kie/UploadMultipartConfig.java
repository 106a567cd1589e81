package io.reelgate.server.api.kie;

import io.reelgate.server.upload.UploadProperties;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The servlet multipart limits, derived from {@code reelgate.upload.max-bytes} so there is one setting to change
 * (this bean replaces Spring Boot's {@code spring.servlet.multipart.*}). Parts always go to a temporary file, never
 * to memory; the request may be 1 MB larger than the file for the form fields and part headers.
 */
@Configuration(proxyBeanMethods = false)
class UploadMultipartConfig {

    private static final long FORM_FIELDS_ALLOWANCE = 1024 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(UploadProperties properties) {
        long maxFile = properties.maxBytes().toBytes();
        return new MultipartConfigElement("", maxFile, maxFile + FORM_FIELDS_ALLOWANCE, 0);
    }
}
