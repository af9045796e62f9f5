using System.CommandLine;
using Karmada.Host.Commands;

// Hosts stop servers, members and stores on Ctrl-C/SIGTERM; System.CommandLine's default 2 s would cut that short (exit 130).
return await KarmadaCommand.Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(15) });
