using Karmada.Cli;

return await KarmadactlCommand.Build(TimeProvider.System).Parse(args).InvokeAsync();
