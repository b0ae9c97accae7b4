package org.wren4j.exec.state.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisStateOptionsTest {
    @Test
    void defaultsAreNamedAndMutateCopies() {
        var o = RedisStateOptions.create();
        assertThat(o.commandTimeout()).isEqualTo(RedisStateOptions.DEFAULT_COMMAND_TIMEOUT);
        assertThat(o.connectTimeout()).isEqualTo(RedisStateOptions.DEFAULT_CONNECT_TIMEOUT);
        assertThat(o.namespace()).isEqualTo(RedisStateOptions.DEFAULT_NAMESPACE);
        var m = o.mutate().namespace("").commandTimeout(Duration.ofSeconds(1)).build();
        assertThat(m).isEqualTo(new RedisStateOptions(o.connectTimeout(), Duration.ofSeconds(1), "", java.util.Optional.empty()));
        assertThat(o.trustedCertificates()).isEmpty();
        var pem = java.nio.file.Path.of("ca.pem");
        assertThat(o.mutate().trustedCertificates(pem).build().mutate().build().trustedCertificates()).contains(pem);
    }

    @Test
    void invalidValuesAreRejected() {
        assertThatThrownBy(() -> RedisStateOptions.builder().commandTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("commandTimeout");
        assertThatThrownBy(() -> RedisStateOptions.builder().namespace("a{b}").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("braces");
    }
}
