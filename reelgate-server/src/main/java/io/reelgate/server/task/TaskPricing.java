package io.reelgate.server.task;

import org.springframework.stereotype.Component;

/** The cost of a task from the pricing table. */
@Component
public class TaskPricing {

    private final PricingProperties prices;

    public TaskPricing(PricingProperties prices) {
        this.prices = prices;
    }

    public long costOf(TaskKind kind, TaskInput input) {
        boolean hd = "1080p".equals(input.quality());
        return switch (kind) {
            case GENERATE -> hd ? prices.generate1080p5s() : switch (input.duration()) {
                case 8 -> prices.generate720p8s();
                case 10 -> prices.generate720p10s();
                default -> prices.generate720p5s();
            };
            case EXTEND -> hd ? prices.extend1080p() : prices.extend720p();
            case ALEPH -> prices.aleph();
        };
    }
}
