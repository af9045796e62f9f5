using System.Text.Json.Nodes;

namespace Karmada.Member.Simulation;

/// <summary>
/// Whether a controller has reported on the current spec of the objects it manages (<c>status.observedGeneration</c>
/// has reached <c>metadata.generation</c>). Until it has, the status counters are about to change and the status
/// event that follows brings the owner back, so a status the owner derived from them would be superseded a step later.
/// </summary>
internal static class ObservedGenerations
{
    public static bool Reported(JsonObject obj) =>
        (JsonRead.Long(obj, "status", "observedGeneration") ?? 0) >= (JsonRead.Long(obj, "metadata", "generation") ?? 0);

    public static bool AllReported(IEnumerable<JsonObject> objects) => objects.All(Reported);
}
