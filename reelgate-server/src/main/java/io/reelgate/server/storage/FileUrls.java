package io.reelgate.server.storage;

/** Absolute URLs under which stored blobs are served, for answers and for callbacks sent outside any request. */
public interface FileUrls {

    String publicUrl(String key);
}
