package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.job.TileScope;
import org.wren4j.exec.queue.sqs.PriorityBands;

/**
 * The CloudFormation template {@code wren4j aws template} prints validates against the AWS
 * resource specification (npm {@code @aws-cdk/cfnspec}), grants least privilege, and matches what
 * the code expects of the deployment (queue names, scratch prefix, handler). No AWS account is
 * reachable here, so deploying it is reviewed by reading.
 */
class AwsTemplateTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static TemplateLint lint;
    private static JsonNode template;

    @BeforeAll
    static void load() throws Exception {
        lint = new TemplateLint(new ObjectMapper().readTree(CfnSpec.specification().toFile()));
        template = YAML.readTree(LambdaWorkers.cloudFormationTemplate());
    }

    @Test
    void validatesAgainstTheResourceSpecificationAndGrantsLeastPrivilege() {
        assertThat(lint.check(template)).isEmpty();
        assertThat(template.path("Resources").size()).isGreaterThanOrEqualTo(15);
        assertThat(lint.checkedProperties).as("properties checked against the specification").isGreaterThan(60);
    }

    /** Each planted fault is reported: the check cannot pass a broken template. */
    @Test
    void theCheckFindsPlantedFaults() {
        assertFault(t -> props(t, "TileBucket").put("BucketNmae", "x"), "TileBucket: unknown property BucketNmae");
        assertFault(t -> props(t, "WorkerFunction").remove("Code"), "WorkerFunction: required property Code is missing");
        assertFault(t -> ((ObjectNode) t.path("Resources").path("TileBucket")).put("Type", "AWS::S3::Bukket"), "unknown resource type AWS::S3::Bukket");
        assertFault(t -> ((ObjectNode) props(t, "TileBucket").path("LifecycleConfiguration").path("Rules").path(0)).put("ExpirationInDayz", 3),
                "LifecycleConfiguration.Rules[0]: unknown property ExpirationInDayz");
        assertFault(t -> ((ObjectNode) props(t, "TileBucket").path("LifecycleConfiguration")).remove("Rules"), "required property Rules");
        assertFault(t -> ((ObjectNode) t.path("Resources").path("WorkerFunction")).put("DependsOn", "NoSuchThing"), "DependsOn names no resource");
        assertFault(t -> ((ArrayNode) props(t, "WorkerFunction").path("Role").path("Fn::GetAtt")).set(1, YAML.getNodeFactory().textNode("Arnn")),
                "AWS::IAM::Role has no attribute Arnn");
        assertFault(t -> props(t, "WorkerFunction").set("Description", YAML.createObjectNode().put("Ref", "Nothing")), "Ref to Nothing");
        assertFault(t -> workerStatement(t, "Tiles").set("Action", YAML.getNodeFactory().textNode("s3:*")), "allows the wildcard action s3:*");
        assertFault(t -> workerStatement(t, "Tiles").set("Action", YAML.getNodeFactory().textNode("*")), "allows the wildcard action *");
        assertFault(t -> workerStatement(t, "Tasks").set("Resource", YAML.getNodeFactory().textNode("*")),
                "allows S3, SQS or Lambda actions on every resource");
        assertFault(t -> ((ArrayNode) workerStatement(t, "Tiles").path("Action")).add("s3:Get*"), "allows the wildcard action s3:Get*");
    }

    @Test
    void theBucketIsEncryptedTlsOnlyAndExpiresJobScratch() {
        JsonNode bucket = props(template, "TileBucket");
        assertThat(bucket.at("/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm").asText())
                .isIn("AES256", "aws:kms");
        assertThat(bucket.at("/PublicAccessBlockConfiguration/BlockPublicPolicy").asBoolean()).isTrue();
        var prefixes = new ArrayList<String>();
        bucket.at("/LifecycleConfiguration/Rules").forEach(r -> prefixes.add(r.path("Prefix").isObject()
                ? r.path("Prefix").path("Fn::Sub").asText() : r.path("Prefix").asText()));
        // the temporaries of every job, where TileScope puts them under the tiles' prefix
        assertThat(prefixes).contains("${TilePrefix}/" + TileScope.TEMPORARY_PREFIX);
        assertTlsOnly("TileBucketPolicy", "s3:*");
        assertTlsOnly("TaskQueuePolicy", "sqs:*");
    }

    /** The queues SqsQueueFactory opens: one per priority band and the dead-letter queue, all encrypted. */
    @Test
    void theQueuesAreTheOnesTheWorkersOpenAndAreEncrypted() {
        var names = new ArrayList<String>();
        template.path("Resources").forEach(r -> {
            if (r.path("Type").asText().equals("AWS::SQS::Queue")) {
                names.add(r.at("/Properties/QueueName/Fn::Sub").asText());
                assertThat(r.at("/Properties/SqsManagedSseEnabled").asBoolean()).isTrue();
            }
        });
        var expected = new ArrayList<String>();
        for (int b = 0; b < PriorityBands.DEFAULT_COUNT; b++) {
            expected.add("${QueueName}-p" + b);
            assertThat(props(template, "TaskQueueBand" + b).at("/RedrivePolicy/deadLetterTargetArn/Fn::GetAtt/0").asText())
                    .isEqualTo("DeadLetterQueue");
        }
        expected.add("${QueueName}-dlq");
        assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The worker's role reaches its bucket prefix, the job specs and its queues, nothing else of S3 or SQS. */
    @Test
    void theWorkerRoleReachesOnlyItsPrefixAndQueuesAndTheClientMayInvokeTheFunction() throws Exception {
        JsonNode statements = props(template, "WorkerRole").at("/Policies/0/PolicyDocument/Statement");
        for (JsonNode st : statements) {
            String actions = st.path("Action").toString();
            if (actions.contains("\"s3:") && !actions.contains("s3:ListBucket")) {
                st.path("Resource").forEach(r -> assertThat(r.path("Fn::Sub").asText())
                        .isIn("${TileBucket.Arn}/${TilePrefix}/*", "${TileBucket.Arn}/wren4j-jobs/*"));
            }
            if (actions.contains("\"sqs:")) {
                st.path("Resource").forEach(r -> assertThat(r.at("/Fn::GetAtt/0").asText()).matches("TaskQueueBand\\d|DeadLetterQueue"));
            }
        }
        JsonNode invoke = props(template, "ClientPolicy").at("/PolicyDocument/Statement/0");
        assertThat(invoke.path("Action").toString()).isEqualTo("[\"lambda:InvokeFunction\"]");
        assertThat(invoke.at("/Resource/0/Fn::GetAtt/0").asText()).isEqualTo("WorkerFunction");
        // the handler the function names exists and is the worker's
        String handler = props(template, "WorkerFunction").path("Handler").asText();
        Class<?> c = Class.forName(handler.substring(0, handler.indexOf("::")));
        assertThat(c.getMethods()).anySatisfy(m -> assertThat(m.getName()).isEqualTo(handler.substring(handler.indexOf("::") + 2)));
        assertThat(props(template, "Redis").path("TransitEncryptionEnabled").asBoolean()).isTrue();
        assertThat(template.at("/Parameters/RedisUri/NoEcho").asBoolean()).isTrue();
        assertThat(template.at("/Parameters/RedisAuthToken/NoEcho").asBoolean()).isTrue();
    }

    private static void assertTlsOnly(String policy, String action) {
        JsonNode st = props(template, policy).at("/PolicyDocument/Statement/0");
        assertThat(st.path("Effect").asText()).isEqualTo("Deny");
        assertThat(st.path("Action").asText()).isEqualTo(action);
        assertThat(st.at("/Condition/Bool/aws:SecureTransport").asText()).isEqualTo("false");
    }

    private static void assertFault(Consumer<ObjectNode> plant, String expected) {
        ObjectNode broken = template.deepCopy();
        plant.accept(broken);
        List<String> problems = lint.check(broken);
        assertThat(problems).as("problems of the template with a planted fault").anySatisfy(p -> assertThat(p).contains(expected));
    }

    private static ObjectNode props(JsonNode t, String resource) {
        return (ObjectNode) t.path("Resources").path(resource).path("Properties");
    }

    private static ObjectNode workerStatement(JsonNode t, String sid) {
        for (JsonNode st : props(t, "WorkerRole").at("/Policies/0/PolicyDocument/Statement")) {
            if (st.path("Sid").asText().equals(sid)) {
                return (ObjectNode) st;
            }
        }
        throw new AssertionError("no statement " + sid);
    }
}
