package org.wren4j.exec.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * One precedence for region and credentials: code, then WREN4J_* variables, then the properties
 * file, then AWS's chains; local servers need none. What is missing or half given fails with one
 * line naming which setting, the service and where, and no secret set anywhere is ever in a
 * message or a {@code toString()}.
 */
class AwsChainTest {
    private static final URI AWS_SQS = URI.create("https://sqs.eu-west-1.amazonaws.com");
    private static final URI LOCAL_SQS = URI.create("http://127.0.0.1:9324");
    private static final String CODE_SECRET = "codeSecret0123456789";
    private static final String ENV_SECRET = "envSecret0123456789";
    private static final String FILE_SECRET = "fileSecret0123456789";
    private static final String CHAIN_SECRET = "chainSecret0123456789";
    private static final List<String> SECRETS = List.of(CODE_SECRET, ENV_SECRET, FILE_SECRET, CHAIN_SECRET, "tokenSecret42");

    @TempDir
    Path dir;

    /** AWS's chains as a machine with a region and a role would answer, or one with nothing. */
    private record Chains(Optional<String> region, Optional<AwsCredentialsProvider> credentials) implements AwsChain.Defaults {
        static final Chains NOTHING = new Chains(Optional.empty(), Optional.empty());
        static final Chains ROLE = new Chains(Optional.of("ap-south-1"),
                Optional.of(StaticCredentialsProvider.create(AwsBasicCredentials.create("ASIACHAINKEY0001", CHAIN_SECRET))));

        @Override
        public Optional<AwsCredentialsProvider> localCredentials() {
            return Optional.empty();
        }
    }

    private static AwsSettings code(String region, String key, String secret) {
        return new AwsSettings(Optional.ofNullable(region), Optional.ofNullable(key), Optional.ofNullable(secret), Optional.empty(), Optional.empty());
    }

    private Path file(String text) throws Exception {
        Path f = dir.resolve("wren4j.properties");
        Files.writeString(f, text);
        return f;
    }

    private Map<String, String> env(Path file, String... pairs) {
        var env = new HashMap<String, String>();
        if (file != null) {
            env.put(AwsChain.CONFIG_ENV, file.toString());
        }
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        env.put("HOME_IS_NOT_READ", "x");
        return env;
    }

    @Test
    void eachLayerWinsOverTheLaterOnesForRegionAndCredentialsApart() throws Exception {
        Path f = file("aws.region=eu-north-1\naws.accessKeyId=AKIAFILEKEY00003\naws.secretAccessKey=" + FILE_SECRET + "\n");
        Map<String, String> env = env(f, "WREN4J_AWS_REGION", "eu-central-1", "WREN4J_AWS_ACCESS_KEY_ID", "AKIAENVKEY000002",
                "WREN4J_AWS_SECRET_ACCESS_KEY", ENV_SECRET);

        var all = AwsChain.of(code("us-west-2", "AKIACODEKEY00001", CODE_SECRET), env, Chains.ROLE).resolve("SQS (task queue)", AWS_SQS);
        assertThat(all.region()).isEqualTo("us-west-2");
        assertThat(all.regionSource()).isEqualTo("Wren.builder().aws(...)");
        assertThat(all.credentials().resolveCredentials().secretAccessKey()).isEqualTo(CODE_SECRET);
        assertThat(all.credentialsSource()).isEqualTo("Wren.builder().aws(...) (access key id ****0001)");

        var envWins = AwsChain.of(AwsSettings.NONE, env, Chains.ROLE).resolve("SQS (task queue)", AWS_SQS);
        assertThat(envWins.region()).isEqualTo("eu-central-1");
        assertThat(envWins.regionSource()).isEqualTo("WREN4J_AWS_REGION");
        assertThat(envWins.credentials().resolveCredentials().accessKeyId()).isEqualTo("AKIAENVKEY000002");

        // a region in code, credentials from the environment: each setting on its own
        var mixed = AwsChain.of(code("us-west-2", null, null), env, Chains.ROLE).resolve("SQS (task queue)", AWS_SQS);
        assertThat(mixed.region()).isEqualTo("us-west-2");
        assertThat(mixed.credentialsSource()).startsWith("the environment");

        var fileWins = AwsChain.of(AwsSettings.NONE, env(f), Chains.ROLE).resolve("S3 (tile store)", null);
        assertThat(fileWins.region()).isEqualTo("eu-north-1");
        assertThat(fileWins.regionSource()).isEqualTo("aws.region in " + f);
        assertThat(fileWins.credentialsSource()).isEqualTo(f + " (access key id ****0003)");

        var chains = AwsChain.of(AwsSettings.NONE, env(null), Chains.ROLE).resolve("S3 (tile store)", null);
        assertThat(chains.region()).isEqualTo("ap-south-1");
        assertThat(chains.regionSource()).isEqualTo("AWS's default region chain");
        assertThat(chains.credentialsSource()).isEqualTo("AWS's default credentials chain");
        assertThat(List.of(all, envWins, mixed, fileWins, chains)).allSatisfy(r -> assertNoSecret(r.toString()));
    }

    @Test
    void sessionTokensAndProfilesAreCredentialsToo() throws Exception {
        var token = AwsChain.of(AwsSettings.NONE, env(null, "WREN4J_AWS_ACCESS_KEY_ID", "ASIAENVKEY000009", "WREN4J_AWS_SECRET_ACCESS_KEY",
                ENV_SECRET, "WREN4J_AWS_SESSION_TOKEN", "tokenSecret42"), Chains.ROLE).resolve("SQS (task queue)", AWS_SQS);
        assertThat(token.credentials().resolveCredentials()).isInstanceOf(AwsSessionCredentials.class);
        assertThat(((AwsSessionCredentials) token.credentials().resolveCredentials()).sessionToken()).isEqualTo("tokenSecret42");
        Path f = file("aws.profile=analytics\n");
        var profile = AwsChain.of(AwsSettings.NONE, env(f), Chains.ROLE).resolve("SQS (task queue)", AWS_SQS);
        assertThat(profile.credentialsSource()).isEqualTo("profile analytics (aws.profile in " + f + ")");
        assertNoSecret(token.toString());
    }

    @Test
    void localServersNeedNothing() {
        var local = AwsChain.of(AwsSettings.NONE, env(null), Chains.NOTHING).resolve("SQS (task queue)", LOCAL_SQS);
        assertThat(local.region()).isEqualTo("us-east-1");
        assertThat(local.credentialsSource()).isEqualTo("the dummy pair for a local server");
        // but what is set is used, also for a local server
        var set = AwsChain.of(code("eu-west-3", "AKIACODEKEY00001", CODE_SECRET), env(null), Chains.NOTHING)
                .resolve("S3 (tile store)", URI.create("http://localhost:8000"));
        assertThat(set.region()).isEqualTo("eu-west-3");
        assertThat(set.credentials().resolveCredentials().accessKeyId()).isEqualTo("AKIACODEKEY00001");
    }

    @Test
    void aMissingRegionOrMissingCredentialsForAwsNameTheServiceAndWhereTheyWereLookedFor() {
        assertThatThrownBy(() -> AwsChain.of(AwsSettings.NONE, env(null), Chains.NOTHING).resolve("SQS (task queue)", AWS_SQS))
                .isInstanceOf(AwsConfigurationException.class)
                .hasMessageStartingWith("no AWS region for SQS (task queue) at " + AWS_SQS)
                .hasMessageContaining("WREN4J_AWS_*").hasMessageContaining("WREN4J_AWS_REGION=")
                .satisfies(e -> assertOneLineNoSecret(e.getMessage()));
        var regionOnly = new Chains(Optional.of("us-east-2"), Optional.empty());
        assertThatThrownBy(() -> AwsChain.of(AwsSettings.NONE, env(null), regionOnly).resolve("S3 (tile store)", null))
                .isInstanceOf(AwsConfigurationException.class)
                .hasMessageStartingWith("no AWS credentials for S3 (tile store): none are set in Wren.builder().aws(...)")
                .satisfies(e -> assertOneLineNoSecret(e.getMessage()));
    }

    @Test
    void halfAKeyPairNamesTheLayerAndTheMissingHalfButNotTheOther() throws Exception {
        assertThatThrownBy(() -> AwsChain.of(AwsSettings.NONE, env(null, "WREN4J_AWS_SECRET_ACCESS_KEY", ENV_SECRET), Chains.ROLE)
                .resolve("SQS (task queue)", AWS_SQS))
                .isInstanceOf(AwsConfigurationException.class)
                .hasMessage("half an AWS key pair for SQS (task queue) in the environment: WREN4J_AWS_SECRET_ACCESS_KEY is set but"
                        + " WREN4J_AWS_ACCESS_KEY_ID is not");
        Path f = file("aws.accessKeyId=AKIAFILEKEY00003\n");
        assertThatThrownBy(() -> AwsChain.of(AwsSettings.NONE, env(f), Chains.ROLE).resolve("SQS (task queue)", AWS_SQS))
                .hasMessage("half an AWS key pair for SQS (task queue) in " + f + ": aws.accessKeyId in " + f + " is set but aws.secretAccessKey in "
                        + f + " is not");
    }

    @Test
    void anUnreadablePropertiesFileIsNamed() {
        Path missing = dir.resolve("nope.properties");
        assertThatThrownBy(() -> AwsChain.of(AwsSettings.NONE, env(missing), Chains.ROLE))
                .isInstanceOf(AwsConfigurationException.class)
                .hasMessageStartingWith("cannot read the wren4j properties file " + missing + " (named by WREN4J_CONFIG)");
    }

    @Test
    void credentialsAwsRefusesAreNamedWithTheirSourceNotTheirSecret() {
        var resolved = AwsChain.of(code("us-west-2", "AKIACODEKEY00001", CODE_SECRET), env(null), Chains.NOTHING).resolve("SQS (task queue)", AWS_SQS);
        var refusal = SqsException.builder().statusCode(403).message("The security token included in the request is invalid.")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidClientTokenId").build()).build();
        var e = AwsChain.refused(new RuntimeException("wrapped", refusal), "SQS (task queue)", AWS_SQS.toString(), resolved);
        assertThat(e).hasValueSatisfying(x -> assertThat(x.getMessage())
                .isEqualTo("AWS refused the credentials of SQS (task queue) at " + AWS_SQS + " (InvalidClientTokenId): they came from"
                        + " Wren.builder().aws(...) (access key id ****0001)"));
        var denial = SqsException.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").build()).build();
        assertThat(AwsChain.refused(denial, "SQS (task queue)", AWS_SQS.toString(), resolved))
                .hasValueSatisfying(x -> assertThat(x.getMessage()).contains("AWS denied SQS (task queue)").contains("lacks the permission"));
        var other = SqsException.builder().statusCode(500).awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalError").build()).build();
        assertThat(AwsChain.refused(other, "SQS (task queue)", AWS_SQS.toString(), resolved)).isEmpty();
        assertOneLineNoSecret(e.orElseThrow().getMessage());
    }

    @Test
    void settingsNeverShowTheirSecrets() {
        var s = new AwsSettings(Optional.of("us-west-2"), Optional.of("AKIACODEKEY00001"), Optional.of(CODE_SECRET), Optional.of("tokenSecret42"),
                Optional.empty());
        assertThat(s.toString()).contains("us-west-2", "****0001", "(set)");
        assertNoSecret(s.toString());
        assertThat(s.toString()).doesNotContain("AKIACODEKEY00001");
    }

    private static void assertOneLineNoSecret(String message) {
        assertThat(message).doesNotContain("\n");
        assertNoSecret(message);
    }

    private static void assertNoSecret(String text) {
        for (String secret : SECRETS) {
            assertThat(text).doesNotContain(secret);
        }
    }
}
