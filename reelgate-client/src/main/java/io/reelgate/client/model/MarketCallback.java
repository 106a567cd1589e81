package io.reelgate.client.model;

/**
 * A KIE Market callback: {@code code} 200 or 501, a fixed {@code msg}, and as {@code data} the same record
 * {@code recordInfo} answers.
 */
public record MarketCallback(int code, String msg, MarketRecord record) implements TaskCallback {

    @Override
    public String taskId() {
        return record.taskId();
    }
}
