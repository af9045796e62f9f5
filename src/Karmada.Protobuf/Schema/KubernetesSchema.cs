using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Karmada.Protobuf.Schema;

/// <summary>
/// The protobuf schema of every built-in Kubernetes kind, joined with the Go JSON layout of its struct.
/// Loaded once from the embedded <c>kubernetes.schema</c>, which generate_schema.py extracts from kubectl.
/// </summary>
internal sealed class KubernetesSchema
{
    private const string ResourceName = "Karmada.Protobuf.kubernetes.schema";
    private const string MetaPackage = "k8s.io.apimachinery.pkg.apis.meta.";

    // Proto packages are named after the Go import path, which does not spell the API group.
    private static readonly FrozenDictionary<string, string> PackageByGroup = new Dictionary<string, string>
    {
        [""] = "k8s.io.api.core.",
        ["admission.k8s.io"] = "k8s.io.api.admission.",
        ["admissionregistration.k8s.io"] = "k8s.io.api.admissionregistration.",
        ["apidiscovery.k8s.io"] = "k8s.io.api.apidiscovery.",
        ["apps"] = "k8s.io.api.apps.",
        ["authentication.k8s.io"] = "k8s.io.api.authentication.",
        ["authorization.k8s.io"] = "k8s.io.api.authorization.",
        ["autoscaling"] = "k8s.io.api.autoscaling.",
        ["batch"] = "k8s.io.api.batch.",
        ["certificates.k8s.io"] = "k8s.io.api.certificates.",
        ["coordination.k8s.io"] = "k8s.io.api.coordination.",
        ["discovery.k8s.io"] = "k8s.io.api.discovery.",
        ["events.k8s.io"] = "k8s.io.api.events.",
        ["extensions"] = "k8s.io.api.extensions.",
        ["flowcontrol.apiserver.k8s.io"] = "k8s.io.api.flowcontrol.",
        ["imagepolicy.k8s.io"] = "k8s.io.api.imagepolicy.",
        ["internal.apiserver.k8s.io"] = "k8s.io.api.apiserverinternal.",
        ["meta.k8s.io"] = MetaPackage,
        ["metrics.k8s.io"] = "k8s.io.metrics.pkg.apis.metrics.",
        ["networking.k8s.io"] = "k8s.io.api.networking.",
        ["node.k8s.io"] = "k8s.io.api.node.",
        ["policy"] = "k8s.io.api.policy.",
        ["rbac.authorization.k8s.io"] = "k8s.io.api.rbac.",
        ["resource.k8s.io"] = "k8s.io.api.resource.",
        ["scheduling.k8s.io"] = "k8s.io.api.scheduling.",
        ["storage.k8s.io"] = "k8s.io.api.storage.",
        ["storagemigration.k8s.io"] = "k8s.io.api.storagemigration.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // meta/v1 option and status kinds are registered in every group version, as AddUnversionedTypes does.
    private static readonly FrozenSet<string> UnversionedMetaKinds = new[]
    {
        "CreateOptions", "DeleteOptions", "GetOptions", "ListOptions", "PatchOptions", "Status", "UpdateOptions", "WatchEvent",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ValueKind> SpecialMessages = new Dictionary<string, ValueKind>
    {
        ["k8s.io.apimachinery.pkg.apis.meta.v1.Time"] = ValueKind.Time,
        ["k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime"] = ValueKind.MicroTime,
        ["k8s.io.apimachinery.pkg.apis.meta.v1.Duration"] = ValueKind.Duration,
        ["k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1"] = ValueKind.FieldsV1,
        ["k8s.io.apimachinery.pkg.api.resource.Quantity"] = ValueKind.Quantity,
        ["k8s.io.apimachinery.pkg.api.resource.QuantityValue"] = ValueKind.Quantity,
        ["k8s.io.apimachinery.pkg.util.intstr.IntOrString"] = ValueKind.IntOrString,
        ["k8s.io.apimachinery.pkg.runtime.RawExtension"] = ValueKind.RawExtension,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ValueKind> ScalarTypes = new Dictionary<string, ValueKind>
    {
        ["string"] = ValueKind.String,
        ["bytes"] = ValueKind.Bytes,
        ["bool"] = ValueKind.Bool,
        ["int32"] = ValueKind.Int32,
        ["int64"] = ValueKind.Int64,
        ["uint32"] = ValueKind.UInt32,
        ["uint64"] = ValueKind.UInt64,
        ["sint32"] = ValueKind.SInt32,
        ["sint64"] = ValueKind.SInt64,
        ["fixed32"] = ValueKind.Fixed32,
        ["fixed64"] = ValueKind.Fixed64,
        ["sfixed32"] = ValueKind.SFixed32,
        ["sfixed64"] = ValueKind.SFixed64,
        ["double"] = ValueKind.Double,
        ["float"] = ValueKind.Float,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<KubernetesSchema> LazyDefault = new(LoadEmbedded);

    private readonly FrozenDictionary<string, SchemaMessage> _messages;

    private KubernetesSchema(FrozenDictionary<string, SchemaMessage> messages)
    {
        _messages = messages;
    }

    /// <summary>The schema embedded in this assembly.</summary>
    public static KubernetesSchema Default => LazyDefault.Value;

    /// <summary>Number of messages, for diagnostics and tests.</summary>
    public int MessageCount => _messages.Count;

    /// <summary>Finds the message of a kind, such as (<c>apps/v1</c>, <c>Deployment</c>).</summary>
    public bool TryGetKind(string apiVersion, string kind, [NotNullWhen(true)] out SchemaMessage? message)
    {
        message = null;
        if (kind.Length == 0 || kind.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? string.Empty : apiVersion[..slash];
        var version = slash < 0 ? apiVersion : apiVersion[(slash + 1)..];
        if (version.Length == 0 || version.Contains('.', StringComparison.Ordinal) || version.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        if (PackageByGroup.TryGetValue(group, out var package)
            && _messages.TryGetValue(package + version + "." + kind, out message)
            && message.IsRoot)
        {
            return true;
        }

        return UnversionedMetaKinds.Contains(kind)
            && _messages.TryGetValue(MetaPackage + "v1." + kind, out message)
            && message.IsRoot;
    }

    /// <summary>Finds a message by proto full name.</summary>
    public bool TryGetMessage(string fullName, [NotNullWhen(true)] out SchemaMessage? message)
        => _messages.TryGetValue(fullName, out message);

    /// <summary>Parses the line format written by generate_schema.py.</summary>
    internal static KubernetesSchema Parse(TextReader reader)
    {
        var messages = new Dictionary<string, SchemaMessage>(StringComparer.Ordinal);
        SchemaMessage? current = null;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts[0] == "M" && parts.Length == 3)
            {
                current = new SchemaMessage(parts[1], isRoot: parts[2] == "root", isStringArray: parts[2] == "array");
                messages.Add(current.FullName, current);
            }
            else if (parts[0] == "F" && parts.Length == 6 && current is not null)
            {
                var cardinality = parts[3] switch
                {
                    "v" => FieldCardinality.Value,
                    "p" => FieldCardinality.Pointer,
                    "r" => FieldCardinality.Repeated,
                    "m" => FieldCardinality.Map,
                    _ => throw new InvalidDataException($"Schema line {lineNumber}: unknown cardinality '{parts[3]}'."),
                };
                current.Add(new SchemaField(
                    parts[1] == "~" ? null : parts[1],
                    int.Parse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture),
                    cardinality,
                    parts[4],
                    parts[5] == "o"));
            }
            else
            {
                throw new InvalidDataException($"Schema line {lineNumber} is malformed: '{line}'.");
            }
        }

        foreach (var message in messages.Values)
        {
            foreach (var field in message.Fields)
            {
                Resolve(field, messages);
            }
        }

        return new KubernetesSchema(messages.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static void Resolve(SchemaField field, Dictionary<string, SchemaMessage> messages)
    {
        if (ScalarTypes.TryGetValue(field.TypeName, out var scalar))
        {
            field.Kind = scalar;
        }
        else if (SpecialMessages.TryGetValue(field.TypeName, out var special))
        {
            field.Kind = special;
        }
        else if (messages.TryGetValue(field.TypeName, out var message))
        {
            field.Kind = message.IsStringArray ? ValueKind.StringArray : ValueKind.Message;
            field.Message = message;
        }
        else
        {
            throw new InvalidDataException($"Schema field {field.JsonName} refers to unknown type '{field.TypeName}'.");
        }
    }

    private static KubernetesSchema LoadEmbedded()
    {
        using var stream = typeof(KubernetesSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
