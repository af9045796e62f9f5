using BenchmarkDotNet.Running;

// Pass BenchmarkDotNet arguments through, e.g. --filter '*Scheduler*' --job short.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
