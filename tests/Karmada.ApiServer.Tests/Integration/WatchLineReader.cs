using System.Text.Json.Nodes;

namespace Karmada.ApiServer.Tests.Integration;

/// <summary>Reads a watch stream's events as "TYPE name" lines.</summary>
internal sealed class WatchLineReader(HttpResponseMessage response, StreamReader reader) : IDisposable
{
    public async Task<List<string>> ReadUntilAsync(string type, string name, CancellationToken cancellationToken)
    {
        var events = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var change = JsonNode.Parse(line)!;
            var seen = $"{(string?)change["type"]} {(string?)change["object"]?["metadata"]?["name"]}";
            events.Add(seen);
            if (seen == $"{type} {name}")
            {
                break;
            }
        }

        return events;
    }

    public void Dispose()
    {
        reader.Dispose();
        response.Dispose();
    }
}
