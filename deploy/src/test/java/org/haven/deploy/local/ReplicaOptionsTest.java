package org.haven.deploy.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicaOptionsTest {

    @Test
    void oneInstanceOfEachServiceUnlessToldOtherwise() {
        assertThat(HavenLocalStack.parseArguments(new String[0], null).replicas()).isEqualTo(1);
    }

    @Test
    void replicasOptionStartsMoreInstancesEachOneHundredPortsAboveThePrevious() {
        HavenLocalStack.Options options = HavenLocalStack.parseArguments(new String[] {"--replicas", "2"}, null);
        assertThat(options.replicas()).isEqualTo(2);
        assertThat(options.replicaPort(HavenLocalStack.CASE_SERVICE, 1)).isEqualTo(8081);
        assertThat(options.replicaPort(HavenLocalStack.CASE_SERVICE, 2)).isEqualTo(8181);
        assertThat(options.replicaPort(HavenLocalStack.NOTIFICATION_SERVICE, 2)).isEqualTo(8183);
    }

    @Test
    void replicasOutsideOneToThreeAreRefused() {
        assertThatThrownBy(() -> HavenLocalStack.parseArguments(new String[] {"--replicas", "0"}, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HavenLocalStack.parseArguments(new String[] {"--replicas", "4"}, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HavenLocalStack.parseArguments(new String[] {"--replicas", "two"}, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HavenLocalStack.parseArguments(new String[] {"--replicas"}, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
