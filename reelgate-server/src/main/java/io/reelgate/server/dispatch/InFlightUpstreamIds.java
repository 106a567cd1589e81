package io.reelgate.server.dispatch;

import io.reelgate.server.engine.UpstreamInFlight;
import io.reelgate.server.task.UpstreamTracking;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@link UpstreamInFlight} from the task rows: engines never see the database themselves. */
@Component
class InFlightUpstreamIds implements UpstreamInFlight {

    private final UpstreamTracking upstream;

    InFlightUpstreamIds(UpstreamTracking upstream) {
        this.upstream = upstream;
    }

    @Override
    public List<String> upstreamIds(String engine) {
        return upstream.inFlightIds(engine);
    }
}
