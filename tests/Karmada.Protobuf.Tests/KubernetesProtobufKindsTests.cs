using System.Text.Json.Nodes;

namespace Karmada.Protobuf.Tests;

/// <summary>
/// One hand-built body per kind that kubectl's imperative commands send, laid out as gogo-protobuf
/// does (non-pointer scalars written even when zero), checked against the Go JSON encoding
/// property by property and in Go field order.
/// </summary>
public sealed class KubernetesProtobufKindsTests
{
    [Fact]
    public void Decode_Namespace_WritesCreationTimestampNullAndEmptySpecAndStatus()
    {
        var body = ProtoBuilder.Envelope("v1", "Namespace", ns => ns
            .Message(1, meta => GogoMeta(meta, "x"))
            .Message(2, _ => { })
            .Message(3, status => status.String(1, string.Empty)));

        AssertJson(
            """{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"x","creationTimestamp":null},"spec":{},"status":{}}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_ConfigMap_SortsDataKeysAndEncodesBinaryDataAsBase64()
    {
        var body = ProtoBuilder.Envelope("v1", "ConfigMap", cm => cm
            .Message(1, meta => GogoMeta(meta, "c", "default"))
            .Entry(2, "b", "2")
            .Entry(2, "a", "1")
            .Message(3, entry => entry.String(1, "bin").Bytes(2, [0, 1, 2])));

        AssertJson(
            """{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"c","namespace":"default","creationTimestamp":null},"data":{"a":"1","b":"2"},"binaryData":{"bin":"AAEC"}}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_Secret_EncodesDataValuesAsBase64AndKeepsImmutablePointer()
    {
        var body = ProtoBuilder.Envelope("v1", "Secret", secret => secret
            .Message(1, meta => GogoMeta(meta, "s"))
            .Bool(5, true)
            .Message(2, entry => entry.String(1, "k").Bytes(2, "v"u8.ToArray()))
            .Message(2, entry => entry.String(1, "e"))
            .String(3, "Opaque"));

        AssertJson(
            """{"kind":"Secret","apiVersion":"v1","metadata":{"name":"s","creationTimestamp":null},"immutable":true,"data":{"e":"","k":"dg=="},"type":"Opaque"}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_ServiceAccount_WritesFalsePointerAndReferences()
    {
        var body = ProtoBuilder.Envelope("v1", "ServiceAccount", sa => sa
            .Message(1, meta => GogoMeta(meta, "sa"))
            .Message(2, reference => reference.String(3, "tok"))
            .Message(3, reference => reference.String(1, "reg"))
            .Bool(4, false));

        AssertJson(
            """{"kind":"ServiceAccount","apiVersion":"v1","metadata":{"name":"sa","creationTimestamp":null},"secrets":[{"name":"tok"}],"imagePullSecrets":[{"name":"reg"}],"automountServiceAccountToken":false}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_DeploymentWithFullPodSpec_MatchesGoJson()
    {
        var body = ProtoBuilder.Envelope("apps/v1", "Deployment", deployment => deployment
            .Message(1, meta => GogoMeta(meta, "web").Entry(11, "app", "web"))
            .Message(2, spec => spec
                .Varint(1, 3)
                .Message(2, selector => selector.Entry(1, "app", "web"))
                .Message(3, template => template
                    .Message(1, meta => meta.Entry(11, "app", "web"))
                    .Message(2, PodSpec))
                .Message(4, strategy => strategy
                    .String(1, "RollingUpdate")
                    .Message(2, rolling => rolling
                        .Message(1, percent => percent.Varint(1, 1).String(3, "25%"))
                        .Message(2, one => one.Varint(1, 0).Varint(2, 1))))
                .Varint(5, 0)
                .Varint(6, 0)
                .Bool(7, false))
            .Message(3, status => status.Varint(1, 0).Varint(2, 0)));

        AssertJson(
            """
            {"kind":"Deployment","apiVersion":"apps/v1",
             "metadata":{"name":"web","creationTimestamp":null,"labels":{"app":"web"}},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
              "template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},
               "spec":{
                "volumes":[{"name":"cache","emptyDir":{"sizeLimit":"1Gi"}},{"name":"cfg","configMap":{"name":"app-config","defaultMode":420}}],
                "containers":[{"name":"web","image":"nginx:1.27","command":["nginx"],"args":["-g","daemon off;"],
                  "ports":[{"name":"http","containerPort":80,"protocol":"TCP"}],
                  "env":[{"name":"MODE","value":"prod"},{"name":"PASSWORD","valueFrom":{"secretKeyRef":{"name":"creds","key":"password"}}}],
                  "resources":{"limits":{"cpu":"500m","memory":"256Mi"},"requests":{"cpu":"250m"}},
                  "volumeMounts":[{"name":"cache","readOnly":true,"mountPath":"/cache"}],
                  "livenessProbe":{"httpGet":{"path":"/healthz","port":"http"},"initialDelaySeconds":5,"periodSeconds":10},
                  "readinessProbe":{"tcpSocket":{"port":8080}},
                  "terminationMessagePath":"/dev/termination-log","imagePullPolicy":"IfNotPresent"}],
                "restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","nodeSelector":{"disktype":"ssd"},
                "affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"zone","operator":"In","values":["a","b"]}]}]}}},
                "schedulerName":"default-scheduler",
                "tolerations":[{"key":"dedicated","operator":"Equal","value":"web","effect":"NoSchedule"},{"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}]}},
              "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"25%","maxSurge":1}},
              "revisionHistoryLimit":0},
             "status":{}}
            """,
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_Job_WritesPointersAndAlwaysPresentTemplate()
    {
        var body = ProtoBuilder.Envelope("batch/v1", "Job", job => job
            .Message(1, meta => GogoMeta(meta, "j"))
            .Message(2, spec => spec
                .Varint(2, 1)
                .Varint(7, 4)
                .Message(6, template => template.Message(2, pod => pod
                    .Message(2, container => container.String(1, "j").String(2, "busybox"))
                    .String(3, "Never")))));

        AssertJson(
            """{"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"j","creationTimestamp":null},"spec":{"completions":1,"backoffLimit":4,"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"j","image":"busybox","resources":{}}],"restartPolicy":"Never"}}},"status":{}}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_JobWithPackedExitCodes_ReadsPackedRepeatedInt32()
    {
        byte[] packedValues = [1, 2, 130, 1];
        var body = ProtoBuilder.Envelope("batch/v1", "Job", job => job
            .Message(2, spec => spec.Message(11, policy => policy.Message(1, rule => rule
                .String(1, "FailJob")
                .Message(2, exitCodes => exitCodes.String(2, "In").Bytes(3, packedValues))))));

        var spec = KubernetesProtobuf.Decode(body)["spec"]!;

        AssertJson(
            """{"rules":[{"action":"FailJob","onExitCodes":{"operator":"In","values":[1,2,130]}}]}""",
            spec["podFailurePolicy"]!);
    }

    [Fact]
    public void Decode_CronJob_WritesSuspendFalseAndNestedJobTemplate()
    {
        var body = ProtoBuilder.Envelope("batch/v1", "CronJob", cronJob => cronJob
            .Message(1, meta => GogoMeta(meta, "cj"))
            .Message(2, spec => spec
                .String(1, "*/5 * * * *")
                .Bool(4, false)
                .Message(5, jobTemplate => jobTemplate.Message(2, jobSpec => jobSpec
                    .Message(6, template => template.Message(2, pod => pod
                        .Message(2, container => container.String(1, "c").String(2, "busybox"))
                        .String(3, "OnFailure")))))));

        AssertJson(
            """{"kind":"CronJob","apiVersion":"batch/v1","metadata":{"name":"cj","creationTimestamp":null},"spec":{"schedule":"*/5 * * * *","suspend":false,"jobTemplate":{"metadata":{"creationTimestamp":null},"spec":{"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"c","image":"busybox","resources":{}}],"restartPolicy":"OnFailure"}}}}},"status":{}}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_Role_WritesRules()
    {
        var body = ProtoBuilder.Envelope("rbac.authorization.k8s.io/v1", "Role", role => role
            .Message(1, meta => GogoMeta(meta, "r", "dev"))
            .Message(2, rule => rule.String(1, "get").String(1, "list").String(2, string.Empty).String(3, "pods")));

        AssertJson(
            """{"kind":"Role","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"r","namespace":"dev","creationTimestamp":null},"rules":[{"verbs":["get","list"],"apiGroups":[""],"resources":["pods"]}]}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_ClusterRoleWithoutRules_WritesRulesNullBecauseTagHasNoOmitempty()
    {
        var body = ProtoBuilder.Envelope("rbac.authorization.k8s.io/v1", "ClusterRole", role => role
            .Message(1, meta => GogoMeta(meta, "agg"))
            .Message(3, aggregation => aggregation.Message(1, selector => selector.Entry(1, "rbac.example.com/aggregate", "true"))));

        AssertJson(
            """{"kind":"ClusterRole","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"agg","creationTimestamp":null},"rules":null,"aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"rbac.example.com/aggregate":"true"}}]}}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_RoleBinding_WritesSubjectsAndRoleRef()
    {
        var body = ProtoBuilder.Envelope("rbac.authorization.k8s.io/v1", "RoleBinding", binding => binding
            .Message(1, meta => GogoMeta(meta, "rb", "dev"))
            .Message(2, subject => subject.String(1, "User").String(2, "rbac.authorization.k8s.io").String(3, "alice").String(4, string.Empty))
            .Message(3, roleRef => roleRef.String(1, "rbac.authorization.k8s.io").String(2, "ClusterRole").String(3, "view")));

        AssertJson(
            """{"kind":"RoleBinding","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"rb","namespace":"dev","creationTimestamp":null},"subjects":[{"kind":"User","apiGroup":"rbac.authorization.k8s.io","name":"alice"}],"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"}}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_ClusterRoleBindingWithoutSubjects_OmitsSubjects()
    {
        var body = ProtoBuilder.Envelope("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", binding => binding
            .Message(1, meta => GogoMeta(meta, "crb"))
            .Message(3, roleRef => roleRef.String(1, "rbac.authorization.k8s.io").String(2, "ClusterRole").String(3, "view")));

        AssertJson(
            """{"kind":"ClusterRoleBinding","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"crb","creationTimestamp":null},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"}}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_ResourceQuota_WritesQuantitiesAsStrings()
    {
        var body = ProtoBuilder.Envelope("v1", "ResourceQuota", quota => quota
            .Message(1, meta => GogoMeta(meta, "q"))
            .Message(2, spec => spec.Quantity(1, "pods", "2").Quantity(1, "cpu", "1").Message(1, entry => entry.String(1, "memory"))));

        AssertJson(
            """{"kind":"ResourceQuota","apiVersion":"v1","metadata":{"name":"q","creationTimestamp":null},"spec":{"hard":{"cpu":"1","memory":"0","pods":"2"}},"status":{}}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_PriorityClassWithZeroValue_WritesValueBecauseTagHasNoOmitempty()
    {
        var body = ProtoBuilder.Envelope("scheduling.k8s.io/v1", "PriorityClass", priority => priority
            .Message(1, meta => GogoMeta(meta, "pc"))
            .Varint(2, 0)
            .Bool(3, false)
            .String(4, string.Empty)
            .String(5, "Never"));

        AssertJson(
            """{"kind":"PriorityClass","apiVersion":"scheduling.k8s.io/v1","metadata":{"name":"pc","creationTimestamp":null},"value":0,"preemptionPolicy":"Never"}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_PodDisruptionBudget_WritesIntOrStringAndNonOmitemptyStatusCounters()
    {
        var body = ProtoBuilder.Envelope("policy/v1", "PodDisruptionBudget", pdb => pdb
            .Message(1, meta => GogoMeta(meta, "p"))
            .Message(2, spec => spec
                .Message(1, minAvailable => minAvailable.Varint(1, 0).Varint(2, 1).String(3, string.Empty))
                .Message(2, selector => selector.Entry(1, "app", "x"))));

        AssertJson(
            """{"kind":"PodDisruptionBudget","apiVersion":"policy/v1","metadata":{"name":"p","creationTimestamp":null},"spec":{"minAvailable":1,"selector":{"matchLabels":{"app":"x"}}},"status":{"disruptionsAllowed":0,"currentHealthy":0,"desiredHealthy":0,"expectedPods":0}}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_Ingress_InlinesRuleValueAndKeepsPathType()
    {
        var body = ProtoBuilder.Envelope("networking.k8s.io/v1", "Ingress", ingress => ingress
            .Message(1, meta => GogoMeta(meta, "ing"))
            .Message(2, spec => spec.Message(3, rule => rule
                .String(1, "foo.com")
                .Message(2, ruleValue => ruleValue.Message(1, http => http.Message(1, path => path
                    .String(1, "/bar")
                    .String(3, "Exact")
                    .Message(2, backend => backend.Message(4, service => service
                        .String(1, "svc1")
                        .Message(2, port => port.String(1, string.Empty).Varint(2, 8080))))))))));

        AssertJson(
            """{"kind":"Ingress","apiVersion":"networking.k8s.io/v1","metadata":{"name":"ing","creationTimestamp":null},"spec":{"rules":[{"host":"foo.com","http":{"paths":[{"path":"/bar","pathType":"Exact","backend":{"service":{"name":"svc1","port":{"number":8080}}}}]}}]},"status":{"loadBalancer":{}}}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_ServiceWithoutTargetPort_WritesZeroTargetPortLikeGo()
    {
        var body = ProtoBuilder.Envelope("v1", "Service", service => service
            .Message(1, meta => GogoMeta(meta, "s"))
            .Message(2, spec => spec
                .Message(1, port => port.String(1, "80-8080").String(2, "TCP").Varint(3, 80).Message(4, target => target.Varint(2, 8080)))
                .Message(1, port => port.Varint(3, 443))
                .Entry(2, "app", "s")
                .String(4, "ClusterIP")));

        AssertJson(
            """{"kind":"Service","apiVersion":"v1","metadata":{"name":"s","creationTimestamp":null},"spec":{"ports":[{"name":"80-8080","protocol":"TCP","port":80,"targetPort":8080},{"port":443,"targetPort":0}],"selector":{"app":"s"},"type":"ClusterIP"},"status":{"loadBalancer":{}}}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_SelfSubjectAccessReview_WritesAllowedFalse()
    {
        var body = ProtoBuilder.Envelope("authorization.k8s.io/v1", "SelfSubjectAccessReview", review => review
            .Message(1, meta => GogoMeta(meta, string.Empty))
            .Message(2, spec => spec.Message(1, attributes => attributes
                .String(1, "default").String(2, "get").String(3, string.Empty).String(4, string.Empty).String(5, "pods")))
            .Message(3, status => status.Bool(1, false).String(2, string.Empty)));

        AssertJson(
            """{"kind":"SelfSubjectAccessReview","apiVersion":"authorization.k8s.io/v1","metadata":{"creationTimestamp":null},"spec":{"resourceAttributes":{"namespace":"default","verb":"get","resource":"pods"}},"status":{"allowed":false}}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_TokenRequest_WritesNilSliceAndPointerAsNullWithoutOmitempty()
    {
        var body = ProtoBuilder.Envelope("authentication.k8s.io/v1", "TokenRequest", request => request
            .Message(1, meta => GogoMeta(meta, "sa", "default"))
            .Message(2, spec => spec.Varint(4, 3600))
            .Message(3, status => status.String(1, string.Empty).Message(2, _ => { })));

        AssertJson(
            """{"kind":"TokenRequest","apiVersion":"authentication.k8s.io/v1","metadata":{"name":"sa","namespace":"default","creationTimestamp":null},"spec":{"audiences":null,"expirationSeconds":3600,"boundObjectRef":null},"status":{"token":"","expirationTimestamp":null}}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_SubjectAccessReviewExtra_WritesStringArraysAndNullForEmpty()
    {
        var body = ProtoBuilder.Envelope("authorization.k8s.io/v1", "SubjectAccessReview", review => review
            .Message(2, spec => spec
                .String(3, "alice")
                .String(4, "devs")
                .Entry(5, "scopes", extra => extra.String(1, "a").String(1, "b"))
                .Entry(5, "empty", _ => { })));

        AssertJson(
            """{"user":"alice","groups":["devs"],"extra":{"empty":null,"scopes":["a","b"]}}""",
            KubernetesProtobuf.Decode(body)["spec"]!);
    }

    internal static ProtoBuilder GogoMeta(ProtoBuilder meta, string name, string @namespace = "")
    {
        // gogo writes every non-pointer field, zero or not, and an empty Time for creationTimestamp.
        return meta
            .String(1, name)
            .String(2, string.Empty)
            .String(3, @namespace)
            .String(4, string.Empty)
            .String(5, string.Empty)
            .String(6, string.Empty)
            .Varint(7, 0)
            .Message(8, _ => { });
    }

    internal static void AssertJson(string expected, JsonNode actual)
    {
        // Re-serialising both sides compares values and property order, not whitespace.
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), actual.ToJsonString());
    }

    private static void PodSpec(ProtoBuilder pod)
    {
        pod
            .Message(1, volume => volume.String(1, "cache").Message(2, source => source
                .Message(2, emptyDir => emptyDir.String(1, string.Empty).Message(2, size => size.String(1, "1Gi")))))
            .Message(1, volume => volume.String(1, "cfg").Message(2, source => source
                .Message(19, configMap => configMap.Message(1, reference => reference.String(1, "app-config")).Varint(3, 420))))
            .Message(2, container => container
                .String(1, "web")
                .String(2, "nginx:1.27")
                .String(3, "nginx")
                .String(4, "-g")
                .String(4, "daemon off;")
                .String(5, string.Empty)
                .Message(6, port => port.String(1, "http").Varint(2, 0).Varint(3, 80).String(4, "TCP").String(5, string.Empty))
                .Message(7, env => env.String(1, "MODE").String(2, "prod"))
                .Message(7, env => env.String(1, "PASSWORD").String(2, string.Empty).Message(3, source => source
                    .Message(4, secret => secret.Message(1, reference => reference.String(1, "creds")).String(2, "password"))))
                .Message(8, resources => resources
                    .Quantity(1, "memory", "256Mi")
                    .Quantity(1, "cpu", "500m")
                    .Quantity(2, "cpu", "250m"))
                .Message(9, mount => mount.String(1, "cache").Bool(2, true).String(3, "/cache").String(4, string.Empty))
                .Message(10, probe => probe
                    .Message(1, handler => handler.Message(2, httpGet => httpGet
                        .String(1, "/healthz")
                        .Message(2, port => port.Varint(1, 1).String(3, "http"))
                        .String(3, string.Empty)
                        .String(4, string.Empty)))
                    .Varint(2, 5)
                    .Varint(3, 0)
                    .Varint(4, 10))
                .Message(11, probe => probe.Message(1, handler => handler.Message(3, tcp => tcp
                    .Message(1, port => port.Varint(2, 8080)))))
                .String(13, "/dev/termination-log")
                .String(14, "IfNotPresent")
                .Bool(16, false))
            .String(3, "Always")
            .Varint(4, 30)
            .String(6, "ClusterFirst")
            .Entry(7, "disktype", "ssd")
            .Bool(11, false)
            .Message(18, affinity => affinity.Message(1, node => node.Message(1, selector => selector.Message(1, term => term
                .Message(1, requirement => requirement.String(1, "zone").String(2, "In").String(3, "a").String(3, "b"))))))
            .String(19, "default-scheduler")
            .Message(22, toleration => toleration.String(1, "dedicated").String(2, "Equal").String(3, "web").String(4, "NoSchedule"))
            .Message(22, toleration => toleration.String(1, "node.kubernetes.io/not-ready").String(2, "Exists").String(4, "NoExecute").Varint(5, 300));
    }
}
