package org.haven.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartupCacheOptionsTest {

    @Test
    void theCommandLineStartsWithStartUpCachesUnlessToldNot() {
        assertThat(HavenLocalStack.parseArguments(new String[0], null).startupCaches()).isTrue();
        assertThat(HavenLocalStack.parseArguments(new String[] {"--no-startup-cache"}, null).startupCaches()).isFalse();
    }

    @Test
    void stacksStartedFromCodeHaveNoneUnlessAsked() {
        assertThat(HavenLocalStack.Options.defaults().startupCaches()).isFalse();
        assertThat(HavenLocalStack.Options.defaults().withStartupCaches(true).withReplicas(2).startupCaches()).isTrue();
    }
}
