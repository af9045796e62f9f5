using static Karmada.Protobuf.Tests.KubernetesProtobufKindsTests;

namespace Karmada.Protobuf.Tests;

public sealed class KubernetesProtobufTests
{
    [Theory]
    [InlineData("application/vnd.kubernetes.protobuf", true)]
    [InlineData("application/vnd.kubernetes.protobuf; charset=utf-8", true)]
    [InlineData("Application/VND.Kubernetes.Protobuf", true)]
    [InlineData(" application/vnd.kubernetes.protobuf ;stream=watch", true)]
    [InlineData("application/json", false)]
    [InlineData("application/vnd.kubernetes.protobuf+json", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsProtobuf_ContentType_MatchesMediaTypeOnly(string? contentType, bool expected)
    {
        Assert.Equal(expected, KubernetesProtobuf.IsProtobuf(contentType));
    }

    [Fact]
    public void Decode_JsonBody_ThrowsBadMagic()
    {
        var ex = Assert.Throws<ProtobufDecodeException>(() => KubernetesProtobuf.Decode("""{"kind":"Namespace"}"""u8));

        Assert.Equal(ProtobufDecodeError.BadMagic, ex.Error);
        Assert.Contains("k8s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_EmptyBody_ThrowsBadMagic()
    {
        var ex = Assert.Throws<ProtobufDecodeException>(() => KubernetesProtobuf.Decode([]));

        Assert.Equal(ProtobufDecodeError.BadMagic, ex.Error);
    }

    [Theory]
    [InlineData("apps/v1", "Widget")]
    [InlineData("example.com/v1", "Foo")]
    [InlineData("v1", "PodSpec")]
    [InlineData("v1", "")]
    [InlineData("", "Namespace")]
    public void Decode_KindWithoutSchema_ThrowsUnknownKind(string apiVersion, string kind)
    {
        var body = ProtoBuilder.Envelope(apiVersion, kind, _ => { });

        var ex = Assert.Throws<ProtobufDecodeException>(() => KubernetesProtobuf.Decode(body));

        Assert.Equal(ProtobufDecodeError.UnknownKind, ex.Error);
    }

    [Fact]
    public void Decode_TruncatedBody_ThrowsMalformedWithTruncatedMessage()
    {
        var body = ProtoBuilder.Envelope("v1", "Namespace", ns => ns.Message(1, meta => GogoMeta(meta, "x")));

        var ex = Assert.Throws<ProtobufDecodeException>(() => KubernetesProtobuf.Decode(body.AsSpan(0, body.Length - 3)));

        Assert.Equal(ProtobufDecodeError.Malformed, ex.Error);
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_FieldWithWrongWireType_ThrowsMalformedNamingTheField()
    {
        var body = ProtoBuilder.Envelope("v1", "Namespace", ns => ns.Message(1, meta => meta.Varint(1, 7)));

        var ex = Assert.Throws<ProtobufDecodeException>(() => KubernetesProtobuf.Decode(body));

        Assert.Equal(ProtobufDecodeError.Malformed, ex.Error);
        Assert.Contains("ObjectMeta", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_GzipContentEncoding_ThrowsUnsupportedEncoding()
    {
        var unknown = new ProtoBuilder()
            .Message(1, typeMeta => typeMeta.String(1, "v1").String(2, "Namespace"))
            .Bytes(2, [])
            .String(3, "gzip")
            .ToArray();

        var ex = Assert.Throws<ProtobufDecodeException>(() => KubernetesProtobuf.Decode([.. "k8s\0"u8.ToArray(), .. unknown]));

        Assert.Equal(ProtobufDecodeError.UnsupportedEncoding, ex.Error);
    }

    [Fact]
    public void Decode_UnknownFields_AreSkipped()
    {
        var body = ProtoBuilder.Envelope("v1", "Namespace", ns => ns
            .Message(1, meta => GogoMeta(meta, "x").String(99, "future"))
            .Varint(1000, 5)
            .Bytes(4, [1, 2, 3]));

        AssertJson(
            """{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"x","creationTimestamp":null},"spec":{},"status":{}}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_RepeatedMessageField_MergesOccurrencesAsProtobufDoes()
    {
        var body = ProtoBuilder.Envelope("v1", "ConfigMap", cm => cm
            .Message(1, meta => meta.String(1, "first").Entry(11, "a", "1"))
            .Message(1, meta => meta.String(1, "c").String(3, "ns").Entry(11, "b", "2")));

        AssertJson(
            """{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"c","namespace":"ns","creationTimestamp":null,"labels":{"a":"1","b":"2"}}}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_MapWithRepeatedKey_KeepsLastValue()
    {
        var body = ProtoBuilder.Envelope("v1", "ConfigMap", cm => cm.Entry(2, "k", "old").Entry(2, "k", "new"));

        AssertJson("""{"k":"new"}""", KubernetesProtobuf.Decode(body)["data"]!);
    }

    [Fact]
    public void Decode_MapKeysBeyondBmp_SortByUtf8BytesLikeGo()
    {
        // U+FF61 sorts before U+1F600 in UTF-8 but after it in UTF-16 ordinal order.
        var body = ProtoBuilder.Envelope("v1", "ConfigMap", cm => cm.Entry(2, "\U0001F600", "1").Entry(2, "\uFF61", "2"));

        var keys = KubernetesProtobuf.Decode(body)["data"]!.AsObject().Select(property => property.Key).ToList();

        Assert.Equal(["\uFF61", "\U0001F600"], keys);
    }

    [Fact]
    public void Decode_ObjectMetaTimes_FormatsSecondsAndDropsNanos()
    {
        var body = ProtoBuilder.Envelope("v1", "Namespace", ns => ns.Message(1, meta => meta
            .String(1, "x")
            .Message(8, time => time.Varint(1, 1_700_000_000).Varint(2, 999_999_999))
            .Message(9, _ => { })
            .Varint(10, 30)));

        AssertJson(
            """{"name":"x","creationTimestamp":"2023-11-14T22:13:20Z","deletionTimestamp":null,"deletionGracePeriodSeconds":30}""",
            KubernetesProtobuf.Decode(body)["metadata"]!);
    }

    [Fact]
    public void Decode_GoZeroTime_WritesNull()
    {
        var body = ProtoBuilder.Envelope("v1", "Namespace", ns => ns.Message(1, meta => meta
            .Message(8, time => time.Varint(1, -62_135_596_800))));

        AssertJson("""{"creationTimestamp":null}""", KubernetesProtobuf.Decode(body)["metadata"]!);
    }

    [Fact]
    public void Decode_LeaseMicroTime_FormatsMicroseconds()
    {
        var body = ProtoBuilder.Envelope("coordination.k8s.io/v1", "Lease", lease => lease
            .Message(1, meta => GogoMeta(meta, "l"))
            .Message(2, spec => spec
                .String(1, "me")
                .Varint(2, 15)
                .Message(3, _ => { })
                .Message(4, time => time.Varint(1, 1_700_000_000).Varint(2, 123_456_789))));

        AssertJson(
            """{"holderIdentity":"me","leaseDurationSeconds":15,"acquireTime":null,"renewTime":"2023-11-14T22:13:20.123456Z"}""",
            KubernetesProtobuf.Decode(body)["spec"]!);
    }

    [Fact]
    public void Decode_PodMetricsWindow_FormatsGoDuration()
    {
        var body = ProtoBuilder.Envelope("metrics.k8s.io/v1beta1", "PodMetrics", metrics => metrics
            .Message(1, meta => GogoMeta(meta, "p", "default"))
            .Message(2, time => time.Varint(1, 1_700_000_000))
            .Message(3, window => window.Varint(1, 90_500_000_000))
            .Message(4, container => container.String(1, "c").Quantity(2, "memory", "10Mi").Quantity(2, "cpu", "5m")));

        AssertJson(
            """{"kind":"PodMetrics","apiVersion":"metrics.k8s.io/v1beta1","metadata":{"name":"p","namespace":"default","creationTimestamp":null},"timestamp":"2023-11-14T22:13:20Z","window":"1m30.5s","containers":[{"name":"c","usage":{"cpu":"5m","memory":"10Mi"}}]}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_ControllerRevisionRawExtension_EmbedsJson()
    {
        var body = ProtoBuilder.Envelope("apps/v1", "ControllerRevision", revision => revision
            .Message(1, meta => GogoMeta(meta, "rev"))
            .Message(2, data => data.Bytes(1, """{"spec":{"a":1}}"""u8.ToArray()))
            .Varint(3, 2));

        AssertJson(
            """{"kind":"ControllerRevision","apiVersion":"apps/v1","metadata":{"name":"rev","creationTimestamp":null},"data":{"spec":{"a":1}},"revision":2}""",
            KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_RawExtensionHoldingProtobufEnvelope_DecodesNestedObject()
    {
        var nested = ProtoBuilder.Envelope("v1", "ConfigMap", cm => cm.Entry(2, "a", "b"));
        var body = ProtoBuilder.Envelope("apps/v1", "ControllerRevision", revision => revision
            .Message(2, data => data.Bytes(1, nested)));

        AssertJson(
            """{"kind":"ConfigMap","apiVersion":"v1","metadata":{"creationTimestamp":null},"data":{"a":"b"}}""",
            KubernetesProtobuf.Decode(body)["data"]!);
    }

    [Fact]
    public void Decode_RawExtensionWithInvalidJson_ThrowsInvalidValue()
    {
        var body = ProtoBuilder.Envelope("apps/v1", "ControllerRevision", revision => revision
            .Message(2, data => data.Bytes(1, "{not json"u8.ToArray())));

        var ex = Assert.Throws<ProtobufDecodeException>(() => KubernetesProtobuf.Decode(body));

        Assert.Equal(ProtobufDecodeError.InvalidValue, ex.Error);
    }

    [Fact]
    public void Decode_ManagedFields_EmbedsFieldsV1Json()
    {
        var body = ProtoBuilder.Envelope("v1", "ConfigMap", cm => cm.Message(1, meta => meta
            .String(1, "c")
            .Message(17, entry => entry
                .String(1, "kubectl")
                .String(2, "Update")
                .String(3, "v1")
                .Message(4, time => time.Varint(1, 1_700_000_000))
                .String(6, "FieldsV1")
                .Message(7, fields => fields.Bytes(1, """{"f:data":{".":{}}}"""u8.ToArray())))));

        AssertJson(
            """{"name":"c","creationTimestamp":null,"managedFields":[{"manager":"kubectl","operation":"Update","apiVersion":"v1","time":"2023-11-14T22:13:20Z","fieldsType":"FieldsV1","fieldsV1":{"f:data":{".":{}}}}]}""",
            KubernetesProtobuf.Decode(body)["metadata"]!);
    }

    [Fact]
    public void Decode_InvalidQuantity_ThrowsInvalidValue()
    {
        var body = ProtoBuilder.Envelope("v1", "ResourceQuota", quota => quota.Message(2, spec => spec.Quantity(1, "cpu", "lots")));

        var ex = Assert.Throws<ProtobufDecodeException>(() => KubernetesProtobuf.Decode(body));

        Assert.Equal(ProtobufDecodeError.InvalidValue, ex.Error);
        Assert.Contains("lots", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_IntOrStringWithImpossibleType_ThrowsInvalidValue()
    {
        var body = ProtoBuilder.Envelope("policy/v1", "PodDisruptionBudget", pdb => pdb
            .Message(2, spec => spec.Message(1, value => value.Varint(1, 2))));

        var ex = Assert.Throws<ProtobufDecodeException>(() => KubernetesProtobuf.Decode(body));

        Assert.Equal(ProtobufDecodeError.InvalidValue, ex.Error);
    }

    [Fact]
    public void Decode_EnvelopesNestedBeyondDepthLimit_ThrowsMalformed()
    {
        var body = ProtoBuilder.Envelope("v1", "ConfigMap", _ => { });
        for (var i = 0; i < 60; i++)
        {
            var inner = body;
            body = ProtoBuilder.Envelope("apps/v1", "ControllerRevision", revision => revision.Message(2, data => data.Bytes(1, inner)));
        }

        var ex = Assert.Throws<ProtobufDecodeException>(() => KubernetesProtobuf.Decode(body));

        Assert.Equal(ProtobufDecodeError.Malformed, ex.Error);
        Assert.Contains("deeper", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_DeleteOptionsUnderAnyGroup_UsesMetaV1Schema()
    {
        var body = ProtoBuilder.Envelope("apps/v1", "DeleteOptions", options => options.String(4, "Foreground"));

        AssertJson(
            """{"kind":"DeleteOptions","apiVersion":"apps/v1","propagationPolicy":"Foreground"}""",
            KubernetesProtobuf.Decode(body));
    }
}
