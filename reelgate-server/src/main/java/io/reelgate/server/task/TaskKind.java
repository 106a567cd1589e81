package io.reelgate.server.task;

/** Which KIE endpoint created a task; decides the detail shape and the callback payload. */
public enum TaskKind {
    GENERATE,
    EXTEND,
    ALEPH
}
