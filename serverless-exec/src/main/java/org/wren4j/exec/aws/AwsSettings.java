package org.wren4j.exec.aws;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * AWS settings given in code (the session builder's {@code aws(...)}), each optional: the first
 * layer of {@link AwsChain}. Credentials are an access key pair (with a session token for
 * temporary credentials) or a named profile of the AWS config files. {@link #toString()} never
 * shows the secret access key or the session token.
 */
public record AwsSettings(Optional<String> region, Optional<String> accessKeyId, Optional<String> secretAccessKey,
                          Optional<String> sessionToken, Optional<String> profile) {
    /** Nothing given: every setting comes from the later layers. */
    public static final AwsSettings NONE = new AwsSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public AwsSettings {
        requireNonNull(region, "region is null");
        requireNonNull(accessKeyId, "accessKeyId is null");
        requireNonNull(secretAccessKey, "secretAccessKey is null");
        requireNonNull(sessionToken, "sessionToken is null");
        requireNonNull(profile, "profile is null");
    }

    @Override
    public String toString() {
        return "AwsSettings[region=" + region.orElse("-") + ", accessKeyId=" + accessKeyId.map(AwsSettings::keyId).orElse("-")
                + ", secretAccessKey=" + (secretAccessKey.isPresent() ? "(set)" : "-") + ", sessionToken=" + (sessionToken.isPresent() ? "(set)" : "-")
                + ", profile=" + profile.orElse("-") + "]";
    }

    /** An access key id as messages show it: its last four characters. */
    static String keyId(String accessKeyId) {
        return accessKeyId.length() <= 4 ? "****" : "****" + accessKeyId.substring(accessKeyId.length() - 4);
    }
}
