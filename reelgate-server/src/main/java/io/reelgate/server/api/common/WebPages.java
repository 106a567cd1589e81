package io.reelgate.server.api.common;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The browser pages, static files in {@code resources/static}: the playground at {@code /} (index.html) and the
 * operator console at {@code /console}. Neither needs a key to load; they send the key or admin token the user
 * pastes with every API call.
 */
@Configuration(proxyBeanMethods = false)
class WebPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/console").setViewName("forward:/console.html");
    }
}
