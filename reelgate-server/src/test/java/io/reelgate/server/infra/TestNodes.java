package io.reelgate.server.infra;

import java.nio.file.Path;

/** Node identities for unit tests of the dispatch core, which cannot reach the package-private constructor. */
public final class TestNodes {

    private TestNodes() {
    }

    public static NodeIdentity named(String id, Path dataDir) {
        return new NodeIdentity(id, new DataDirectory(dataDir.toString()));
    }
}
