package org.wren4j.exec.aws;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Where the region and the credentials of an AWS client come from, in one documented order, the
 * first layer that sets them winning (region and credentials each on its own):
 * <ol>
 *   <li>the session builder's {@code aws(...)} ({@link AwsSettings});</li>
 *   <li>the environment: {@code WREN4J_AWS_REGION}, {@code WREN4J_AWS_ACCESS_KEY_ID} with
 *       {@code WREN4J_AWS_SECRET_ACCESS_KEY} (and {@code WREN4J_AWS_SESSION_TOKEN}), or
 *       {@code WREN4J_AWS_PROFILE};</li>
 *   <li>the properties file named by {@code WREN4J_CONFIG}, else {@code ~/.wren4j/wren4j.properties}
 *       if it exists: {@code aws.region}, {@code aws.accessKeyId}, {@code aws.secretAccessKey},
 *       {@code aws.sessionToken}, {@code aws.profile};</li>
 *   <li>AWS's default chains (system properties, {@code AWS_*} variables, {@code ~/.aws} files,
 *       container and instance roles; on Lambda, the function's role).</li>
 * </ol>
 * A local server (an endpoint that is not AWS's, e.g. ElasticMQ or s3proxy) needs neither: it
 * gets region {@code us-east-1} and, unless a layer (or {@code aws.*} / {@code AWS_*}) sets some,
 * a dummy key pair local servers accept. For AWS, a missing region or missing credentials fail at
 * once with one line naming the service and where they were looked for.
 */
public final class AwsChain {
    public static final String CONFIG_ENV = "WREN4J_CONFIG";
    static final String LOCAL_REGION = "us-east-1";
    static final String LOCAL_KEY = "wren4j";
    /** AWS's error codes for credentials it does not accept. */
    private static final Set<String> REFUSED = Set.of("InvalidClientTokenId", "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken",
            "ExpiredTokenException", "UnrecognizedClientException", "InvalidToken", "AuthFailure", "IncompleteSignature", "InvalidSecurity");
    /** AWS's error codes for credentials it accepts but that may not do what was asked. */
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "AWS.SimpleQueueService.NonExistentQueue.AccessDenied");

    /** What AWS's own chains find; replaceable in tests, which must not depend on the machine's ~/.aws or an instance role. */
    public interface Defaults {
        Optional<String> region();

        /** Credentials, resolved once; empty if the chain finds none. */
        Optional<AwsCredentialsProvider> credentials();

        /** For a local server: only system properties and {@code AWS_*} variables (no file, no instance role lookup). */
        Optional<AwsCredentialsProvider> localCredentials();

        Defaults SDK = new Defaults() {
            @Override
            public Optional<String> region() {
                try {
                    return Optional.of(new DefaultAwsRegionProviderChain().getRegion().id());
                } catch (SdkException e) {
                    return Optional.empty();
                }
            }

            @Override
            public Optional<AwsCredentialsProvider> credentials() {
                AwsCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
                try {
                    chain.resolveCredentials();
                    return Optional.of(chain);
                } catch (SdkException e) {
                    return Optional.empty();
                }
            }

            @Override
            public Optional<AwsCredentialsProvider> localCredentials() {
                for (AwsCredentialsProvider p : List.of(SystemPropertyCredentialsProvider.create(), EnvironmentVariableCredentialsProvider.create())) {
                    try {
                        p.resolveCredentials();
                        return Optional.of(p);
                    } catch (SdkException e) {
                        // the next one
                    }
                }
                return Optional.empty();
            }
        };
    }

    /** A client's region and credentials, and where each came from (for messages; never the secrets). */
    public record Resolved(String region, String regionSource, AwsCredentialsProvider credentials, String credentialsSource) {
        public Resolved {
            requireNonNull(region, "region is null");
            requireNonNull(regionSource, "regionSource is null");
            requireNonNull(credentials, "credentials is null");
            requireNonNull(credentialsSource, "credentialsSource is null");
        }

        @Override
        public String toString() {
            return "region " + region + " (from " + regionSource + "), credentials from " + credentialsSource;
        }
    }

    private record Layer(String name, Optional<String> region, Optional<String> keyId, Optional<String> secret, Optional<String> token,
                         Optional<String> profile, String keyIdName, String secretName, String regionName, String profileName) {
    }

    private final List<Layer> layers;
    private final Defaults defaults;
    private final String lookedIn;

    private AwsChain(List<Layer> layers, Defaults defaults, String lookedIn) {
        this.layers = layers;
        this.defaults = defaults;
        this.lookedIn = lookedIn;
    }

    /** The chain of this process: {@code given}, its environment, its properties file, AWS's chains. */
    public static AwsChain of(AwsSettings given) {
        return of(given, System.getenv(), Defaults.SDK);
    }

    /**
     * The chain of {@code given}, the environment {@code env} (and the properties file it names, or the default one) and {@code defaults}.
     *
     * @throws AwsConfigurationException naming the properties file if it cannot be read
     */
    public static AwsChain of(AwsSettings given, Map<String, String> env, Defaults defaults) {
        requireNonNull(given, "given is null");
        requireNonNull(env, "env is null");
        var layers = new ArrayList<Layer>();
        layers.add(new Layer("Wren.builder().aws(...)", given.region(), given.accessKeyId(), given.secretAccessKey(), given.sessionToken(),
                given.profile(), "its access key id", "its secret access key", "region", "profile"));
        layers.add(new Layer("the environment", env(env, "WREN4J_AWS_REGION"), env(env, "WREN4J_AWS_ACCESS_KEY_ID"),
                env(env, "WREN4J_AWS_SECRET_ACCESS_KEY"), env(env, "WREN4J_AWS_SESSION_TOKEN"), env(env, "WREN4J_AWS_PROFILE"),
                "WREN4J_AWS_ACCESS_KEY_ID", "WREN4J_AWS_SECRET_ACCESS_KEY", "WREN4J_AWS_REGION", "WREN4J_AWS_PROFILE"));
        Optional<Path> file = env(env, CONFIG_ENV).map(Path::of);
        boolean named = file.isPresent();
        Path path = file.orElseGet(() -> Path.of(System.getProperty("user.home"), ".wren4j", "wren4j.properties"));
        if (named || Files.isRegularFile(path)) {
            Properties p = read(path, named);
            String where = path.toString();
            layers.add(new Layer(where, prop(p, "aws.region"), prop(p, "aws.accessKeyId"), prop(p, "aws.secretAccessKey"),
                    prop(p, "aws.sessionToken"), prop(p, "aws.profile"), "aws.accessKeyId in " + where, "aws.secretAccessKey in " + where,
                    "aws.region in " + where, "aws.profile in " + where));
        }
        String lookedIn = "Wren.builder().aws(...), WREN4J_AWS_* variables, " + (named ? path + " (" + CONFIG_ENV + ")" : path + " (absent or not set)")
                + " and AWS's default chain (AWS_* variables, ~/.aws, instance or function role)";
        return new AwsChain(List.copyOf(layers), requireNonNull(defaults, "defaults is null"), lookedIn);
    }

    /**
     * The region and credentials of a client of {@code service} (e.g. "SQS (task queue)") at
     * {@code endpoint} (null: AWS's endpoint of the region).
     *
     * @throws AwsConfigurationException if AWS's service is meant and no region or no credentials are set, or a layer gives half a key pair
     */
    public Resolved resolve(String service, URI endpoint) {
        boolean local = endpoint != null && !isAws(endpoint);
        String at = endpoint == null ? "" : " at " + endpoint;
        String region = null;
        String regionSource = null;
        for (Layer l : layers) {
            if (l.region().isPresent()) {
                region = l.region().get();
                regionSource = l.regionName().equals("region") ? l.name() : l.regionName();
                break;
            }
        }
        if (region == null) {
            Optional<String> chain = local ? Optional.empty() : defaults.region();
            if (chain.isPresent()) {
                region = chain.get();
                regionSource = "AWS's default region chain";
            } else if (local) {
                region = LOCAL_REGION;
                regionSource = "the default for a local server";
            } else {
                throw new AwsConfigurationException("no AWS region for " + service + at + ": none is set in " + lookedIn
                        + "; set one, e.g. WREN4J_AWS_REGION=us-east-1");
            }
        }
        return credentials(service, at, local, region, regionSource);
    }

    private Resolved credentials(String service, String at, boolean local, String region, String regionSource) {
        for (Layer l : layers) {
            if (l.keyId().isPresent() != l.secret().isPresent()) {
                throw new AwsConfigurationException("half an AWS key pair for " + service + " in " + l.name() + ": "
                        + (l.keyId().isPresent() ? l.keyIdName() + " is set but " + l.secretName() + " is not"
                        : l.secretName() + " is set but " + l.keyIdName() + " is not"));
            }
            if (l.keyId().isPresent()) {
                AwsCredentialsProvider p = StaticCredentialsProvider.create(l.token().isPresent()
                        ? AwsSessionCredentials.create(l.keyId().get(), l.secret().get(), l.token().get())
                        : AwsBasicCredentials.create(l.keyId().get(), l.secret().get()));
                return new Resolved(region, regionSource, p, l.name() + " (access key id " + AwsSettings.keyId(l.keyId().get()) + ")");
            }
            if (l.profile().isPresent()) {
                return new Resolved(region, regionSource, ProfileCredentialsProvider.create(l.profile().get()),
                        "profile " + l.profile().get() + " (" + (l.profileName().equals("profile") ? l.name() : l.profileName()) + ")");
            }
        }
        if (local) {
            Optional<AwsCredentialsProvider> p = defaults.localCredentials();
            return p.map(c -> new Resolved(region, regionSource, c, "aws.* system properties or AWS_* variables"))
                    .orElseGet(() -> new Resolved(region, regionSource,
                            StaticCredentialsProvider.create(AwsBasicCredentials.create(LOCAL_KEY, LOCAL_KEY)), "the dummy pair for a local server"));
        }
        Optional<AwsCredentialsProvider> chain = defaults.credentials();
        if (chain.isEmpty()) {
            throw new AwsConfigurationException("no AWS credentials for " + service + at + ": none are set in " + lookedIn);
        }
        return new Resolved(region, regionSource, chain.get(), "AWS's default credentials chain");
    }

    /**
     * If {@code error} is AWS refusing the credentials (an unknown or expired key, a wrong secret,
     * access denied), one line saying so, naming the service, the endpoint and where the
     * credentials came from; else empty.
     */
    public static Optional<AwsConfigurationException> refused(Throwable error, String service, String endpoint, Resolved resolved) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException a && a.awsErrorDetails() != null && a.awsErrorDetails().errorCode() != null) {
                String code = a.awsErrorDetails().errorCode();
                if (REFUSED.contains(code)) {
                    return Optional.of(new AwsConfigurationException("AWS refused the credentials of " + service + " at " + endpoint + " ("
                            + code + "): they came from " + resolved.credentialsSource(), error));
                }
                if (DENIED.contains(code)) {
                    return Optional.of(new AwsConfigurationException("AWS denied " + service + " at " + endpoint + " (" + code
                            + ") to the credentials from " + resolved.credentialsSource() + ": their role or user lacks the permission"
                            + " (the deployment's ClientPolicy grants it)", error));
                }
            }
        }
        return Optional.empty();
    }

    /** An endpoint of AWS itself (as opposed to a local or other S3/SQS-compatible server). */
    static boolean isAws(URI endpoint) {
        String host = endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(Locale.ROOT);
        return host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn") || host.endsWith(".api.aws");
    }

    private static Optional<String> env(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    private static Optional<String> prop(Properties p, String name) {
        String v = p.getProperty(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    private static Properties read(Path path, boolean named) {
        var p = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new AwsConfigurationException("cannot read the wren4j properties file " + path + (named ? " (named by " + CONFIG_ENV + ")" : "")
                    + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        return p;
    }
}
