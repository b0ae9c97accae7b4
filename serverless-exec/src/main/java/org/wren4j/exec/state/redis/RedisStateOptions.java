package org.wren4j.exec.state.redis;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Immutable options of {@link RedisRuntimeState}. Create with {@link #create()} for the
 * defaults, {@link #builder()} to choose, or {@link #mutate()} to change a copy.
 *
 * @param connectTimeout how long opening the connection may take
 * @param commandTimeout how long one command (or script) may take before its stage fails;
 *                       while the server is unreachable commands wait for the reconnect up to this long
 * @param namespace      prepended to every key, before the job id (e.g. {@code "wren4j:"}); may be empty
 * @param trustedCertificates for {@code rediss://}: a PEM file of the certificates to trust
 *                       instead of the JDK's (a private CA, a self-signed server); empty for the JDK's
 */
public record RedisStateOptions(Duration connectTimeout, Duration commandTimeout, String namespace,
                                Optional<Path> trustedCertificates) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(30);
    public static final String DEFAULT_NAMESPACE = "wren4j:";

    public RedisStateOptions {
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(commandTimeout, "commandTimeout is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(trustedCertificates, "trustedCertificates is null");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, got " + connectTimeout);
        }
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("commandTimeout must be positive, got " + commandTimeout);
        }
        if (namespace.contains("{") || namespace.contains("}")) {
            throw new IllegalArgumentException("namespace must not contain braces (they delimit the job's hash tag): " + namespace);
        }
    }

    public static RedisStateOptions create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder mutate() {
        return new Builder().connectTimeout(connectTimeout).commandTimeout(commandTimeout).namespace(namespace)
                .trustedCertificates(trustedCertificates.orElse(null));
    }

    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private String namespace = DEFAULT_NAMESPACE;
        private Path trustedCertificates;

        private Builder() {
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = requireNonNull(timeout, "timeout is null");
            return this;
        }

        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = requireNonNull(timeout, "timeout is null");
            return this;
        }

        public Builder namespace(String namespace) {
            this.namespace = requireNonNull(namespace, "namespace is null");
            return this;
        }

        /** A PEM file of certificates to trust for TLS, or null for the JDK's trust store. */
        public Builder trustedCertificates(Path pemFile) {
            this.trustedCertificates = pemFile;
            return this;
        }

        public RedisStateOptions build() {
            return new RedisStateOptions(connectTimeout, commandTimeout, namespace, Optional.ofNullable(trustedCertificates));
        }
    }
}
