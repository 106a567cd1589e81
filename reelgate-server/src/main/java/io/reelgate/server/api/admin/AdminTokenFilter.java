package io.reelgate.server.api.admin;

import io.reelgate.server.api.common.BearerTokenResolver;
import io.reelgate.server.api.common.FilterErrorWriter;
import io.reelgate.server.api.kie.ApiEnvelope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/** Guards {@code /admin/api/**} with the admin token; an API key is never enough. */
@Component
class AdminTokenFilter extends OncePerRequestFilter {

    private final AdminToken token;
    private final ObjectMapper json;

    AdminTokenFilter(AdminToken token, ObjectMapper json) {
        this.token = token;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/admin/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean allowed = BearerTokenResolver.resolve(request).map(token::matches).orElse(false);
        if (!allowed) {
            // admin clients are ours, not KIE's: a real 401 status
            FilterErrorWriter.writeJson(json, response, 401, ApiEnvelope.error(401, "Admin token required"));
            return;
        }
        chain.doFilter(request, response);
    }
}
