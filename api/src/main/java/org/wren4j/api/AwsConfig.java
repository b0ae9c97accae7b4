package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.wren4j.exec.aws.AwsSettings;

/**
 * AWS settings given in code, for {@link Wren.Builder#aws}: a region and credentials (a key pair,
 * with a session token for temporary credentials, or a named profile of the AWS config files),
 * each optional. They come first; what is not set here comes, in this order, from the environment
 * ({@code WREN4J_AWS_REGION}, {@code WREN4J_AWS_ACCESS_KEY_ID} + {@code WREN4J_AWS_SECRET_ACCESS_KEY}
 * [+ {@code WREN4J_AWS_SESSION_TOKEN}], {@code WREN4J_AWS_PROFILE}), then the properties file
 * named by {@code WREN4J_CONFIG} or else {@code ~/.wren4j/wren4j.properties} ({@code aws.region},
 * {@code aws.accessKeyId}, {@code aws.secretAccessKey}, {@code aws.sessionToken},
 * {@code aws.profile}), then AWS's default chains. Local S3- or SQS-compatible servers need none.
 * They apply to this client and its worker threads; worker processes and Lambda functions resolve
 * their own (environment, file, role). {@link #toString()} never shows a secret.
 */
public record AwsConfig(Optional<String> region, Optional<String> accessKeyId, Optional<String> secretAccessKey,
                        Optional<String> sessionToken, Optional<String> profile) {
    public AwsConfig {
        requireNonNull(region, "region is null");
        requireNonNull(accessKeyId, "accessKeyId is null");
        requireNonNull(secretAccessKey, "secretAccessKey is null");
        requireNonNull(sessionToken, "sessionToken is null");
        requireNonNull(profile, "profile is null");
        if (accessKeyId.isPresent() != secretAccessKey.isPresent()) {
            throw new IllegalArgumentException("an AWS access key id and its secret access key go together: give both or neither");
        }
        if (sessionToken.isPresent() && accessKeyId.isEmpty()) {
            throw new IllegalArgumentException("an AWS session token needs its access key id and secret access key");
        }
    }

    /** Nothing set: everything from the environment, the properties file or AWS's chains. */
    public static AwsConfig defaults() {
        return new AwsConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public AwsConfig withRegion(String region) {
        return new AwsConfig(Optional.of(nonBlank(region, "region")), accessKeyId, secretAccessKey, sessionToken, profile);
    }

    /** A fixed key pair (long-lived credentials). */
    public AwsConfig withCredentials(String accessKeyId, String secretAccessKey) {
        return new AwsConfig(region, Optional.of(nonBlank(accessKeyId, "access key id")), Optional.of(nonBlank(secretAccessKey, "secret access key")),
                Optional.empty(), profile);
    }

    /** Temporary credentials: a key pair and its session token. */
    public AwsConfig withSessionCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
        return new AwsConfig(region, Optional.of(nonBlank(accessKeyId, "access key id")), Optional.of(nonBlank(secretAccessKey, "secret access key")),
                Optional.of(nonBlank(sessionToken, "session token")), profile);
    }

    /** The credentials of a named profile of {@code ~/.aws/credentials} / {@code ~/.aws/config}. */
    public AwsConfig withProfile(String profile) {
        return new AwsConfig(region, accessKeyId, secretAccessKey, sessionToken, Optional.of(nonBlank(profile, "profile")));
    }

    private static String nonBlank(String value, String what) {
        requireNonNull(value, what + " is null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("the AWS " + what + " is empty");
        }
        return value;
    }

    @Override
    public String toString() {
        return "AwsConfig[region=" + region.orElse("-") + ", accessKeyId=" + accessKeyId.map(k -> k.length() <= 4 ? "****" : "****"
                + k.substring(k.length() - 4)).orElse("-") + ", secretAccessKey=" + (secretAccessKey.isPresent() ? "(set)" : "-")
                + ", sessionToken=" + (sessionToken.isPresent() ? "(set)" : "-") + ", profile=" + profile.orElse("-") + "]";
    }

    AwsSettings toSettings() {
        return new AwsSettings(region, accessKeyId, secretAccessKey, sessionToken, profile);
    }
}
