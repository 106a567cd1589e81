package io.reelgate.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.client.model.TaskListParams;
import org.junit.jupiter.api.Test;

class TaskListParamsTest {

    @Test
    void onlyGivenFiltersReachTheQueryEncoded() {
        assertThat(TaskListParams.all().toQuery()).isEmpty();
        assertThat(TaskListParams.all().withState("fail").withLimit(50).toQuery()).isEqualTo("?state=fail&limit=50");
        assertThat(TaskListParams.all().withKind("generate").withBefore("a b&c").toQuery())
                .isEqualTo("?kind=generate&before=a+b%26c");
    }
}
