using Karmada.Host.Commands;

return await KarmadaCommand.Build().Parse(args).InvokeAsync();
