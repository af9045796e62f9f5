using System.Text.Json.Nodes;
using Karmada.Api.Config.V1Alpha1;
using Karmada.Client;
using Karmada.Interpreter;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Execution;

/// <summary>
/// One entry of <c>Work.status.manifestStatuses</c> from the member object a manifest became (upstream
/// <c>work_status_controller.reflectStatus</c> + <c>interpretHealth</c>): the identifier, the interpreter's reflected
/// status, and the health — Healthy for kinds without a health hook, Unknown when the interpreter fails.
/// </summary>
public static class ManifestStatusBuilder
{
    public static WorkV1Alpha1.ManifestStatus Build(int ordinal, ResourceRef resource, JsonObject memberObject, IResourceInterpreter interpreter)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(memberObject);
        ArgumentNullException.ThrowIfNull(interpreter);
        var identity = ManifestIdentity.Of(memberObject);
        JsonObject? status;
        try
        {
            status = interpreter.ReflectStatus(memberObject);
        }
        catch (InterpreterException)
        {
            status = null;
        }

        return new WorkV1Alpha1.ManifestStatus
        {
            Identifier = new WorkV1Alpha1.ResourceIdentifier
            {
                Ordinal = ordinal,
                Group = identity.Group.Length == 0 ? null : identity.Group,
                Version = identity.Version,
                Kind = identity.Kind,
                Resource = resource.Plural,
                Namespace = identity.Namespace,
                Name = identity.Name,
            },
            Status = status,
            Health = Health(memberObject, interpreter),
        };
    }

    /// <summary>Healthy, Unhealthy, or Unknown when the interpreter cannot tell.</summary>
    public static WorkV1Alpha1.ResourceHealth Health(JsonObject memberObject, IResourceInterpreter interpreter)
    {
        ArgumentNullException.ThrowIfNull(memberObject);
        ArgumentNullException.ThrowIfNull(interpreter);
        if (!interpreter.HookEnabled(GroupVersionKind.Of(memberObject), InterpreterOperation.InterpretHealth))
        {
            return WorkV1Alpha1.ResourceHealth.Healthy;
        }

        try
        {
            return interpreter.InterpretHealth(memberObject) ? WorkV1Alpha1.ResourceHealth.Healthy : WorkV1Alpha1.ResourceHealth.Unhealthy;
        }
        catch (InterpreterException)
        {
            return WorkV1Alpha1.ResourceHealth.Unknown;
        }
    }
}
