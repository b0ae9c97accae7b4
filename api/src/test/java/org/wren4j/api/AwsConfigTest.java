package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** AWS settings in code: validated, never shown, and the first layer a session's services use. */
class AwsConfigTest {
    private static final String SECRET = "wJalrXUtnFEMI0K7MDENG0bPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "FwoGZXIvYXdzEXAMPLETOKEN";

    @Test
    void settingsAreValidatedAndTheirSecretsNeverShown() {
        AwsConfig c = AwsConfig.defaults().withRegion("eu-west-1").withSessionCredentials("ASIAEXAMPLE00042", SECRET, TOKEN);
        assertThat(c.region()).contains("eu-west-1");
        assertThat(c.toString()).contains("eu-west-1", "****0042", "(set)").doesNotContain(SECRET).doesNotContain(TOKEN)
                .doesNotContain("ASIAEXAMPLE00042");
        assertThat(c.toSettings().toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
        assertThat(c.withCredentials("AKIAEXAMPLE00001", SECRET).sessionToken()).isEmpty();
        assertThat(AwsConfig.defaults().withProfile("analytics").profile()).contains("analytics");
        assertThatThrownBy(() -> AwsConfig.defaults().withRegion(" ")).isInstanceOf(IllegalArgumentException.class).hasMessage("the AWS region is empty");
        assertThatThrownBy(() -> new AwsConfig(java.util.Optional.empty(), java.util.Optional.of("AKIAEXAMPLE00001"), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("go together");
    }

    /** A session whose services do not answer fails in one line naming the service, with none of the secrets given. */
    @Test
    void aSessionOnDeadServicesFailsInOneLineWithoutTheSecrets() throws IOException {
        int port;
        try (var s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        var endpoints = ServiceEndpoints.of("redis://:redisSecret77@127.0.0.1:" + port, "http://127.0.0.1:" + port, "http://127.0.0.1:" + port, "b");
        var aws = AwsConfig.defaults().withRegion("eu-west-1").withSessionCredentials("ASIAEXAMPLE00042", SECRET, TOKEN);
        int p = port;
        assertThatThrownBy(() -> Wren.builder().services(endpoints).aws(aws).build()).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageStartingWith("cannot reach Redis (runtime state) at redis://127.0.0.1:" + p)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(SECRET).doesNotContain(TOKEN)
                        .doesNotContain("redisSecret77"));
    }
}
