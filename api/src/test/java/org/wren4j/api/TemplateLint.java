package org.wren4j.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a CloudFormation template (parsed to a tree, intrinsic functions in their long form)
 * against the resource specification: resource types exist, required properties are there,
 * property names are valid at every level the specification describes, references name
 * parameters, resources and attributes that exist. And its IAM policies: an Allow grants no
 * action with a wildcard, and no S3, SQS or Lambda action on a bare {@code *} resource.
 */
final class TemplateLint {
    private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules",
            "Mappings", "Conditions", "Transform", "Resources", "Outputs");
    private static final Set<String> RESOURCE_KEYS = Set.of("Type", "Properties", "DependsOn", "Condition", "DeletionPolicy",
            "UpdateReplacePolicy", "Metadata", "CreationPolicy", "UpdatePolicy");
    private static final Set<String> PSEUDO = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition",
            "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    private static final Set<String> GUARDED_SERVICES = Set.of("s3", "sqs", "lambda");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private final JsonNode resourceTypes;
    private final JsonNode propertyTypes;
    private final List<String> problems = new ArrayList<>();
    private JsonNode template;
    /** Resource types and properties checked, so a test can tell the check ran over something. */
    int checkedProperties;

    TemplateLint(JsonNode specification) {
        this.resourceTypes = specification.path("ResourceTypes");
        this.propertyTypes = specification.path("PropertyTypes");
        if (resourceTypes.size() < 100 || propertyTypes.size() < 100) {
            throw new AssertionError("not a CloudFormation resource specification: " + resourceTypes.size() + " resource types");
        }
    }

    /** The problems of {@code template}, one line each; empty if none. */
    List<String> check(JsonNode template) {
        this.template = template;
        problems.clear();
        checkedProperties = 0;
        template.fieldNames().forEachRemaining(s -> {
            if (!SECTIONS.contains(s)) {
                problems.add("unknown top-level section " + s);
            }
        });
        JsonNode resources = template.path("Resources");
        if (resources.isEmpty()) {
            problems.add("no Resources");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            var e = it.next();
            resource(e.getKey(), e.getValue());
        }
        references(template.path("Resources"), "Resources");
        references(template.path("Outputs"), "Outputs");
        references(template.path("Conditions"), "Conditions");
        policies(template.path("Resources"), "Resources");
        return List.copyOf(problems);
    }

    private void resource(String name, JsonNode r) {
        String type = r.path("Type").asText();
        JsonNode spec = resourceTypes.get(type);
        if (spec == null) {
            problems.add(name + ": unknown resource type " + type);
            return;
        }
        r.fieldNames().forEachRemaining(k -> {
            if (!RESOURCE_KEYS.contains(k)) {
                problems.add(name + ": unknown resource attribute " + k);
            }
        });
        properties(name, type, spec, r.path("Properties"));
        if (r.has("DependsOn") && !template.path("Resources").has(r.get("DependsOn").asText())) {
            problems.add(name + ": DependsOn names no resource: " + r.get("DependsOn").asText());
        }
        if (r.has("Condition") && !template.path("Conditions").has(r.get("Condition").asText())) {
            problems.add(name + ": Condition names no condition: " + r.get("Condition").asText());
        }
    }

    /** {@code value}, an object of the properties {@code spec} describes (a resource's or a property type's). */
    private void properties(String where, String resourceType, JsonNode spec, JsonNode value) {
        if (isIntrinsic(value)) {
            return;
        }
        JsonNode props = spec.path("Properties");
        if (!value.isMissingNode() && !value.isObject()) {
            problems.add(where + ": expected an object, got " + value);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            var p = it.next();
            if (p.getValue().path("Required").asBoolean() && !value.has(p.getKey())) {
                problems.add(where + ": required property " + p.getKey() + " is missing");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            var p = it.next();
            JsonNode pspec = props.get(p.getKey());
            if (pspec == null) {
                problems.add(where + ": unknown property " + p.getKey());
                continue;
            }
            checkedProperties++;
            property(where + "." + p.getKey(), resourceType, pspec, p.getValue());
        }
    }

    private void property(String where, String resourceType, JsonNode pspec, JsonNode value) {
        if (isIntrinsic(value)) {
            return;
        }
        if (pspec.has("PrimitiveType")) {
            if (!pspec.get("PrimitiveType").asText().equals("Json") && (value.isObject() || value.isArray())) {
                problems.add(where + ": expected a " + pspec.get("PrimitiveType").asText() + ", got " + value);
            }
            return;
        }
        String type = pspec.path("Type").asText();
        if (type.equals("List") || type.equals("Map")) {
            boolean list = type.equals("List");
            if (list ? !value.isArray() : !value.isObject()) {
                problems.add(where + ": expected a " + type + ", got " + value);
                return;
            }
            int i = 0;
            for (JsonNode item : value) {
                String at = where + "[" + i++ + "]";
                if (pspec.has("PrimitiveItemType")) {
                    if (!isIntrinsic(item) && (item.isObject() || item.isArray()) && !pspec.get("PrimitiveItemType").asText().equals("Json")) {
                        problems.add(at + ": expected a " + pspec.get("PrimitiveItemType").asText() + ", got " + item);
                    }
                } else {
                    propertyType(at, resourceType, pspec.path("ItemType").asText(), item);
                }
            }
            return;
        }
        propertyType(where, resourceType, type, value);
    }

    private void propertyType(String where, String resourceType, String type, JsonNode value) {
        JsonNode spec = propertyTypes.get(resourceType + "." + type);
        if (spec == null) {
            spec = propertyTypes.get(type); // shared types such as Tag
        }
        if (spec == null) {
            problems.add(where + ": the specification has no property type " + type + " of " + resourceType);
            return;
        }
        if (spec.has("PrimitiveType")) {
            property(where, resourceType, spec, value);
            return;
        }
        properties(where, resourceType, spec, value);
    }

    private static boolean isIntrinsic(JsonNode value) {
        if (!value.isObject() || value.size() != 1) {
            return false;
        }
        String key = value.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition");
    }

    /** Every Ref, Fn::GetAtt and ${...} of Fn::Sub names a parameter, a resource (and its attribute) or a pseudo parameter. */
    private void references(JsonNode node, String where) {
        if (node.isObject()) {
            if (node.has("Ref") && node.size() == 1) {
                ref(where, node.get("Ref").asText());
            }
            if (node.has("Fn::GetAtt") && node.size() == 1) {
                JsonNode g = node.get("Fn::GetAtt");
                getAtt(where, g.path(0).asText(), g.path(1).asText());
            }
            if (node.has("Fn::Sub") && node.size() == 1) {
                JsonNode s = node.get("Fn::Sub");
                String text = s.isArray() ? s.path(0).asText() : s.asText();
                Set<String> locals = new java.util.HashSet<>();
                if (s.isArray()) {
                    s.path(1).fieldNames().forEachRemaining(locals::add);
                }
                Matcher m = SUB_VARIABLE.matcher(text);
                while (m.find()) {
                    String v = m.group(1);
                    if (locals.contains(v)) {
                        continue;
                    }
                    int dot = v.indexOf('.');
                    if (dot > 0) {
                        getAtt(where, v.substring(0, dot), v.substring(dot + 1));
                    } else {
                        ref(where, v);
                    }
                }
            }
            node.fields().forEachRemaining(e -> references(e.getValue(), where + "." + e.getKey()));
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode item : node) {
                references(item, where + "[" + i++ + "]");
            }
        }
    }

    private void ref(String where, String name) {
        if (!PSEUDO.contains(name) && !template.path("Parameters").has(name) && !template.path("Resources").has(name)) {
            problems.add(where + ": Ref to " + name + ", which is no parameter, resource or pseudo parameter");
        }
    }

    private void getAtt(String where, String resource, String attribute) {
        JsonNode r = template.path("Resources").get(resource);
        if (r == null) {
            problems.add(where + ": Fn::GetAtt of " + resource + ", which is no resource");
            return;
        }
        JsonNode spec = resourceTypes.get(r.path("Type").asText());
        if (spec != null && !spec.path("Attributes").has(attribute)) {
            problems.add(where + ": " + r.path("Type").asText() + " has no attribute " + attribute);
        }
    }

    /** Checks the statements of every policy document (inline, managed, bucket, queue and trust policies). */
    private void policies(JsonNode node, String where) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey().equals("PolicyDocument") || e.getKey().equals("AssumeRolePolicyDocument")) {
                    for (JsonNode st : asList(e.getValue().path("Statement"))) {
                        statement(where + "." + e.getKey() + "." + st.path("Sid").asText("(no Sid)"), st);
                    }
                } else {
                    policies(e.getValue(), where + "." + e.getKey());
                }
            }
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode item : node) {
                policies(item, where + "[" + i++ + "]");
            }
        }
    }

    private void statement(String where, JsonNode st) {
        String effect = st.path("Effect").asText();
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            problems.add(where + ": Effect must be Allow or Deny, got '" + effect + "'");
            return;
        }
        if (effect.equals("Deny")) {
            return; // a guard (e.g. TLS only) may and must cover every action
        }
        if (st.has("NotAction") || st.has("NotResource")) {
            problems.add(where + ": an Allow with NotAction or NotResource grants everything else");
        }
        boolean guarded = false;
        for (JsonNode a : asList(st.path("Action"))) {
            String action = a.asText();
            if (action.contains("*")) {
                problems.add(where + ": allows the wildcard action " + action);
            }
            int colon = action.indexOf(':');
            guarded |= colon > 0 && GUARDED_SERVICES.contains(action.substring(0, colon).toLowerCase(java.util.Locale.ROOT));
        }
        if (guarded) {
            for (JsonNode r : asList(st.path("Resource"))) {
                if (r.isTextual() && r.asText().equals("*")) {
                    problems.add(where + ": allows S3, SQS or Lambda actions on every resource (*)");
                }
            }
            if (st.path("Resource").isMissingNode()) {
                problems.add(where + ": allows S3, SQS or Lambda actions with no Resource");
            }
        }
    }

    private static List<JsonNode> asList(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            var out = new ArrayList<JsonNode>();
            node.forEach(out::add);
            return out;
        }
        return List.of(node);
    }
}
