package io.reelgate.server.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.annotation.AliasFor;

/**
 * A web slice of the given controllers: MVC, Jackson, the exception advice and the envelope, without the database,
 * engines or the rest of the server, so request rules are checked in milliseconds. The key and admin-token filters
 * and the rate limiter are left out (they have end-to-end tests of their own): requests carry the authenticated key
 * as the request attribute the key filter would set ({@link SliceRequests}). Beans are matched by simple name, so
 * the slice keeps working when they move between packages.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = ".*\\.(EnvelopeResponses|JsonBodyReader|PublicUrls|[A-Za-z]+Properties)"),
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = ".*\\.(ApiKeyAuthFilter|AdminTokenFilter|RateLimitFilter)"))
@Import(ApiSlice.Settings.class)
public @interface ApiSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();

    /**
     * The settings records, bound from their defaults and test properties, as the application's own scan does (the
     * scan honours the slice's filters, hence {@code *Properties} among the included names above).
     */
    @TestConfiguration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("io.reelgate.server")
    class Settings {
    }
}
