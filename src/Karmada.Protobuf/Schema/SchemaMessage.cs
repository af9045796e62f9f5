namespace Karmada.Protobuf.Schema;

/// <summary>A protobuf message of the Kubernetes API together with the Go JSON layout of its struct.</summary>
internal sealed class SchemaMessage
{
    private readonly List<SchemaField> _fields = [];
    private readonly Dictionary<int, int> _indexByNumber = [];

    public SchemaMessage(string fullName, bool isRoot, bool isStringArray)
    {
        FullName = fullName;
        IsRoot = isRoot;
        IsStringArray = isStringArray;
    }

    /// <summary>The proto full name, such as <c>k8s.io.api.apps.v1.Deployment</c>.</summary>
    public string FullName { get; }

    /// <summary>The Go struct embeds TypeMeta, so the message is a kind that can travel in an envelope.</summary>
    public bool IsRoot { get; }

    /// <summary>The message wraps a Go named <c>[]string</c>.</summary>
    public bool IsStringArray { get; }

    /// <summary>The fields in Go declaration order, which is the order of the JSON properties.</summary>
    public IReadOnlyList<SchemaField> Fields => _fields;

    public void Add(SchemaField field)
    {
        if (!_indexByNumber.TryAdd(field.Number, _fields.Count))
        {
            throw new InvalidOperationException($"Duplicate field number {field.Number} in {FullName}.");
        }

        _fields.Add(field);
    }

    /// <summary>The position of the field with this proto number in <see cref="Fields"/>, or -1.</summary>
    public int IndexOf(int number) => _indexByNumber.TryGetValue(number, out var index) ? index : -1;

    /// <summary>Whether a JSON name is declared directly on this message (it wins over inlined ones, as in Go).</summary>
    public bool DeclaresJsonName(string name)
    {
        foreach (var field in _fields)
        {
            if (field.JsonName == name)
            {
                return true;
            }
        }

        return false;
    }
}
