using System.Reflection;

namespace Karmada.Vectors.Tests;

/// <summary>Runs every vector case through the real code; an unknown <c>input.function</c> fails.</summary>
public sealed class VectorTests
{
    public static IEnumerable<object[]> Cases() => VectorCatalog.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vector_Case_MatchesExpected(string file, int index, string name)
    {
        var vector = VectorCatalog.Load(file, index);
        var input = vector["input"]!.AsObject();
        var expected = vector["expected"]?.AsObject() ?? [];
        var function = (string?)input["function"] ?? throw new InvalidOperationException($"{file}#{index} has no input.function");

        var handler = VectorCatalog.HandlerFor(function);
        Assert.True(handler is not null, $"No handler for vector function '{function}' ({file}: {name})");

        try
        {
            handler.Invoke(null, [input, expected]);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
        }
    }

    [Fact]
    public void Catalog_Folder_HasVectorFiles()
    {
        Assert.NotEmpty(Directory.EnumerateFiles(VectorCatalog.Folder, "*.json"));
    }
}
