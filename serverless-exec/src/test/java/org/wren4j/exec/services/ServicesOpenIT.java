package org.wren4j.exec.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.aws.AwsSettings;
import org.wren4j.exec.testing.LocalRedis;

/** With a real Redis up, an SQS endpoint that does not answer is named in one line, without the credentials given in code. */
class ServicesOpenIT {
    @Test
    void anUnreachableSqsEndpointIsNamedWithoutTheSecretsGiven() throws IOException {
        int port;
        try (var s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (LocalRedis redis = LocalRedis.start(false, "redisSecret77")) {
            var endpoints = ServiceEndpoints.fromMap(Map.of("redis", redis.uri(), "sqs", "http://127.0.0.1:" + port, "s3",
                    "http://127.0.0.1:" + port, "bucket", "b"));
            var aws = new AwsSettings(Optional.of("eu-west-1"), Optional.of("AKIACODEKEY00001"), Optional.of("awsSecret0123"),
                    Optional.of("tokenSecret42"), Optional.empty());
            assertThatThrownBy(() -> Services.open(endpoints, aws, UnaryOperator.identity())).isInstanceOf(ServiceUnavailableException.class)
                    .hasMessageStartingWith("cannot reach SQS (task queue) at http://127.0.0.1:" + port + ": ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("awsSecret0123")
                            .doesNotContain("tokenSecret42").doesNotContain("redisSecret77"));
        }
    }
}
