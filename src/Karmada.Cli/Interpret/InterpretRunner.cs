using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Config.V1Alpha1;
using Karmada.Interpreter;

namespace Karmada.Cli.Interpret;

/// <summary>
/// Runs one interpreter operation offline and names its results as upstream <c>karmadactl interpret</c> does
/// (<c>retained</c>, <c>replica</c> + <c>requires</c>, <c>revised</c>, <c>status</c>, <c>aggregateStatus</c>,
/// <c>healthy</c>, <c>dependencies</c>).
/// </summary>
public static class InterpretRunner
{
    /// <summary>The operations, by the name the <c>--operation</c> flag takes.</summary>
    public static IReadOnlyList<InterpreterOperation> Operations { get; } =
    [
        InterpreterOperation.Retain,
        InterpreterOperation.InterpretReplica,
        InterpreterOperation.ReviseReplica,
        InterpreterOperation.InterpretStatus,
        InterpreterOperation.AggregateStatus,
        InterpreterOperation.InterpretHealth,
        InterpreterOperation.InterpretDependency,
    ];

    /// <summary>Parses an operation name, case-insensitively (<c>retain</c>, <c>interpretReplica</c>, ...).</summary>
    public static InterpreterOperation ParseOperation(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var operation in Operations)
        {
            if (string.Equals(operation.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return operation;
            }
        }

        throw new CliException($"operation '{text}' is not supported; use one of: {string.Join(", ", Operations.Select(Name))}.");
    }

    /// <summary>upstream's flag spelling: the operation with a lower-case first letter.</summary>
    public static string Name(InterpreterOperation operation)
    {
        var text = operation.ToString();
        return char.ToLowerInvariant(text[0]) + text[1..];
    }

    public static IReadOnlyList<KeyValuePair<string, JsonNode?>> Run(IResourceInterpreter interpreter, InterpreterOperation operation, InterpretInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        ArgumentNullException.ThrowIfNull(inputs);
        try
        {
            return operation switch
            {
                InterpreterOperation.Retain => Retain(interpreter, inputs),
                InterpreterOperation.InterpretReplica => Replicas(interpreter, SingleObject(inputs)),
                InterpreterOperation.ReviseReplica => [new("revised", interpreter.ReviseReplica(Enabled(interpreter, SingleObject(inputs), operation), inputs.DesiredReplica))],
                InterpreterOperation.InterpretStatus => [new("status", interpreter.ReflectStatus(SingleObject(inputs)))],
                InterpreterOperation.AggregateStatus => [new("aggregateStatus", interpreter.AggregateStatus(Enabled(interpreter, SingleObject(inputs), operation), inputs.Status))],
                InterpreterOperation.InterpretHealth => [new("healthy", JsonValue.Create(interpreter.InterpretHealth(Enabled(interpreter, SingleObject(inputs), operation))))],
                InterpreterOperation.InterpretDependency => [new("dependencies", Dependencies(interpreter.GetDependencies(SingleObject(inputs))))],
                _ => throw new CliException($"operation '{operation}' is not supported."),
            };
        }
        catch (InterpreterException ex)
        {
            throw new CliException($"Execute {Name(operation)} error: {ex.Message}", ex);
        }
    }

    /// <summary>upstream's output: each result after a <c>---</c> line and a <c># [i/n] name:</c> comment, as YAML.</summary>
    public static string Render(IReadOnlyList<KeyValuePair<string, JsonNode?>> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < results.Count; i++)
        {
            text.Append("---\n").Append(System.Globalization.CultureInfo.InvariantCulture, $"# [{i + 1}/{results.Count}] {results[i].Key}:\n");
            text.Append(Output.ObjectPrinter.ToYaml(results[i].Value));
        }

        return text.ToString();
    }

    private static IReadOnlyList<KeyValuePair<string, JsonNode?>> Retain(IResourceInterpreter interpreter, InterpretInputs inputs)
    {
        var desired = inputs.Desired ?? throw new CliException("retain needs the desired object (-f) and the observed one (--observed-file).");
        var observed = inputs.Observed ?? throw new CliException("retain needs the observed object: pass --observed-file.");
        return [new("retained", interpreter.Retain(Enabled(interpreter, desired, InterpreterOperation.Retain), observed))];
    }

    private static IReadOnlyList<KeyValuePair<string, JsonNode?>> Replicas(IResourceInterpreter interpreter, JsonObject obj)
    {
        var result = interpreter.GetReplicas(obj);
        return
        [
            new("replica", JsonValue.Create(result.Replicas)),
            new("requires", result.Requirements is null ? null : KarmadaJson.SerializeToNode(result.Requirements)),
        ];
    }

    private static JsonArray Dependencies(IReadOnlyList<DependentObjectReference> dependencies) =>
        new(dependencies.Select(d =>
        {
            var node = new JsonObject { ["apiVersion"] = d.ApiVersion, ["kind"] = d.Kind, ["namespace"] = d.Namespace };
            if (d.Name.Length > 0)
            {
                node["name"] = d.Name;
            }

            if (d.LabelSelector is not null)
            {
                node["labelSelector"] = KarmadaJson.SerializeToNode(d.LabelSelector);
            }

            return (JsonNode?)node;
        }).ToArray());

    // upstream's "rule is not enabled": no built-in behaviour for the kind.
    private static JsonObject Enabled(IResourceInterpreter interpreter, JsonObject obj, InterpreterOperation operation) =>
        interpreter.HookEnabled(GroupVersionKind.Of(obj), operation)
            ? obj
            : throw new CliException($"Execute {Name(operation)} error: rule is not enabled for {GroupVersionKind.Of(obj)}");

    private static JsonObject SingleObject(InterpretInputs inputs) => (inputs.Desired, inputs.Observed) switch
    {
        (null, null) => throw new CliException("no object to interpret: pass it with -f (or --observed-file)."),
        ({ }, { }) => throw new CliException("you can not specify multiple objects with -f and --observed-file for this operation."),
        ({ } desired, null) => desired,
        (null, { } observed) => observed,
    };
}
