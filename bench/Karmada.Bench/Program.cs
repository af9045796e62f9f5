using Karmada.Bench;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    PrintUsage();
    return args.Length == 0 ? 2 : 0;
}

var workload = WorkloadRegistry.Find(args[0]);
if (workload is null)
{
    await Console.Error.WriteLineAsync($"unknown workload '{args[0]}'");
    PrintUsage();
    return 2;
}

BenchArguments arguments;
try
{
    arguments = BenchArguments.Parse(args.Skip(1));
    _ = arguments.Scale;
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await workload.RunAsync(arguments, cancellation.Token);

static void PrintUsage()
{
    Console.WriteLine("usage: karmada-bench <workload> [--scale small|full] [--json] [workload options]");
    foreach (var w in WorkloadRegistry.All)
    {
        Console.WriteLine($"  {w.Name,-12} {w.Description}");
        foreach (var line in w.Usage)
        {
            Console.WriteLine($"               {line}");
        }
    }
}
