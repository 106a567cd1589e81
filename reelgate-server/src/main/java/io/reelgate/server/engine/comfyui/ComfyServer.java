package io.reelgate.server.engine.comfyui;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One ComfyUI process (usually one GPU).
 *
 * @param name    stored with each task's prompt id, so polls after a restart find the server again
 * @param baseUrl e.g. {@code http://10.0.0.5:8188}, without a trailing slash
 */
record ComfyServer(String name, String baseUrl) {

    /** Entries are {@code url} or {@code name=url}; names must be unique and free of {@code /}. */
    static List<ComfyServer> parse(List<String> entries) {
        List<ComfyServer> servers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int split = entry.indexOf('=');
            String url = strip(split > 0 ? entry.substring(split + 1).trim() : entry);
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw invalid(entry);
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw invalid(entry);
            }
            String name = split > 0 ? entry.substring(0, split).trim()
                    : uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            if (name.isEmpty() || name.contains("/") || name.length() > 60 || !names.add(name)) {
                throw new IllegalArgumentException("reelgate.engine.comfyui.servers: server names must be unique, at "
                        + "most 60 characters and free of '/' (got '" + name + "')");
            }
            servers.add(new ComfyServer(name, url));
        }
        return List.copyOf(servers);
    }

    private static IllegalArgumentException invalid(String entry) {
        return new IllegalArgumentException("reelgate.engine.comfyui.servers entries look like http://host:8188 or "
                + "gpu0=http://host:8188 (got '" + entry + "')");
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
