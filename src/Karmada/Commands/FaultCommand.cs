using System.CommandLine;
using Karmada.Member.Faults;

namespace Karmada.Host.Commands;

/// <summary>
/// <c>karmada fault --data-dir DIR NAME FAULT...</c>: changes the faults of a running simulated member by rewriting
/// <c>DIR/NAME.faults.json</c>, which the member watches. Faults combine; <c>healthy</c> clears them all.
/// </summary>
public static class FaultCommand
{
    public static Command Build()
    {
        var dataDir = new Option<string>("--data-dir") { Description = "The member's data directory.", Required = true };
        var name = new Argument<string>("name") { Description = "The member's name." };
        var faults = new Argument<string[]>("faults")
        {
            Description = "healthy | unreachable | reachable | slow=MS | errors=PERCENT | notready-nodes=N",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("fault", "Inject faults into (or heal) a running simulated member cluster.")
        {
            dataDir, name, faults,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = FaultStateFile.PathFor(Path.GetFullPath(parse.GetValue(dataDir)!), parse.GetValue(name)!);
            try
            {
                var state = await FaultStateFile.ReadAsync(path, cancellationToken);
                foreach (var fault in parse.GetValue(faults)!)
                {
                    state = state.Apply(fault);
                }

                await FaultStateFile.WriteAsync(path, state, cancellationToken);
                await Console.Out.WriteLineAsync($"{parse.GetValue(name)}: {state}");
                return 0;
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync($"karmada fault: {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}
