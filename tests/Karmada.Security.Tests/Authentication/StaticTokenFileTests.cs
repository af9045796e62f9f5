using Karmada.Security.Authentication;
using Karmada.Security.Tests.Infrastructure;
using Karmada.Testing;

namespace Karmada.Security.Tests.Authentication;

public sealed class StaticTokenFileTests : IDisposable
{
    private readonly TempDirectory _temp = new("karmada-tokens");

    private string TokenPath => Path.Combine(_temp.Path, "tokens.csv");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Parse_KubeFormat_ReadsTokenUserUidAndQuotedGroups()
    {
        var tokens = StaticTokenFile.Parse(
            "t1,alice,uid-1,\"system:masters,devs\"\n" +
            "t2,bob,uid-2\r\n" +
            "\n" +
            "t3, carol, uid-3, ops ,extra,columns\n" +
            "\"t,4\",\"dave \"\"the\"\" admin\",uid-4,\"\"");

        Assert.Equal(4, tokens.Count);
        Assert.Equal(new StaticToken("t1", new UserInfo("alice", "uid-1", ["system:masters", "devs"])).User.Groups, tokens[0].User.Groups);
        Assert.Equal(("t1", "alice", "uid-1"), (tokens[0].Token, tokens[0].User.Name, tokens[0].User.Uid));
        Assert.Empty(tokens[1].User.Groups);
        Assert.Equal(("t3", "carol", "uid-3"), (tokens[2].Token, tokens[2].User.Name, tokens[2].User.Uid));
        Assert.Equal(["ops "], tokens[2].User.Groups);
        Assert.Equal(("t,4", "dave \"the\" admin"), (tokens[3].Token, tokens[3].User.Name));
        Assert.Empty(tokens[3].User.Groups);
    }

    [Fact]
    public void Parse_EmptyToken_SkipsTheLine()
    {
        var tokens = StaticTokenFile.Parse(",ghost,uid\nt,alice,uid\n");

        Assert.Equal("alice", Assert.Single(tokens).User.Name);
    }

    [Theory]
    [InlineData("t1,alice\n")]
    [InlineData("t1,al\"ice,uid\n")]
    [InlineData("\"t1,alice,uid\n")]
    [InlineData("\"t1\"x,alice,uid\n")]
    public void Parse_Malformed_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => StaticTokenFile.Parse(text));
    }

    [Fact]
    public void Format_ThenParse_RoundTrips()
    {
        var original = new StaticToken("to\"k,en", new UserInfo(" spaced", "u,id", ["g1", "g2"]));

        var parsed = Assert.Single(StaticTokenFile.Parse(StaticTokenFile.Format(original)));

        Assert.Equal(original.Token, parsed.Token);
        Assert.Equal(original.User.Name, parsed.User.Name);
        Assert.Equal(original.User.Uid, parsed.User.Uid);
        Assert.Equal(original.User.Groups, parsed.User.Groups);
        Assert.Equal("abc,alice,1,\"g1,g2\"", StaticTokenFile.Format(new StaticToken("abc", new UserInfo("alice", "1", ["g1", "g2"]))));
    }

    [Fact]
    public async Task LoadAsync_RepeatedToken_LastLineWins()
    {
        await File.WriteAllTextAsync(TokenPath, "t,alice,1\nt,bob,2\n");

        using var file = await StaticTokenFile.LoadAsync(TokenPath, CancellationToken.None);

        Assert.Equal("bob", Assert.Single(file.Tokens).User.Name);
        Assert.Equal("bob", (await file.AuthenticateTokenAsync("t", CancellationToken.None))?.Name);
    }

    [Fact]
    public async Task AddAsync_MissingFile_CreatesOwnerOnlyFileAndAcceptsTheToken()
    {
        using var file = await StaticTokenFile.LoadAsync(TokenPath, CancellationToken.None);
        Assert.Empty(file.Tokens);

        await file.AddAsync(new StaticToken("secret-1", new UserInfo("alice", "u1", ["devs"])), CancellationToken.None);

        FileModes.AssertMode(FileModes.OwnerOnly, TokenPath);
        Assert.Equal("secret-1,alice,u1,devs\n", await File.ReadAllTextAsync(TokenPath));
        var user = await file.AuthenticateTokenAsync("secret-1", CancellationToken.None);
        Assert.Equal(new UserInfo("alice", "u1", ["devs"]).Name, user?.Name);
        Assert.Null(await file.AuthenticateTokenAsync("secret-2", CancellationToken.None));
        Assert.Null(await file.AuthenticateTokenAsync("secret-", CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_ExistingFile_KeepsItsLinesIncludingOnesWrittenSinceLoading()
    {
        await File.WriteAllTextAsync(TokenPath, "a,alice,1,\"x,y\"");
        using var file = await StaticTokenFile.LoadAsync(TokenPath, CancellationToken.None);
        await File.AppendAllTextAsync(TokenPath, "\nb,bob,2");

        await file.AddAsync(new StaticToken("c", new UserInfo("carol", "3", [])), CancellationToken.None);

        Assert.Equal("a,alice,1,\"x,y\"\nb,bob,2\nc,carol,3\n", await File.ReadAllTextAsync(TokenPath));
        Assert.Equal(["alice", "bob", "carol"], file.Tokens.Select(token => token.User.Name));
        using var reloaded = await StaticTokenFile.LoadAsync(TokenPath, CancellationToken.None);
        Assert.Equal("carol", reloaded.FindByUser("carol")?.User.Name);
        Assert.Equal("bob", (await reloaded.AuthenticateTokenAsync("b", CancellationToken.None))?.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("with space")]
    [InlineData("tab\there")]
    public async Task AddAsync_TokenUnusableAsBearer_Throws(string token)
    {
        using var file = await StaticTokenFile.LoadAsync(TokenPath, CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => file.AddAsync(new StaticToken(token, new UserInfo("x", "1", [])), CancellationToken.None));
        Assert.False(File.Exists(TokenPath));
    }

    [Fact]
    public async Task AddAsync_DuplicateToken_Throws()
    {
        using var file = await StaticTokenFile.LoadAsync(TokenPath, CancellationToken.None);
        await file.AddAsync(new StaticToken("t", new UserInfo("alice", "1", [])), CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => file.AddAsync(new StaticToken("t", new UserInfo("bob", "2", [])), CancellationToken.None));
    }

    [Fact]
    public void GenerateToken_Is256BitBase64UrlAndUnique()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => StaticTokenFile.GenerateToken()).ToList();

        Assert.All(tokens, token =>
        {
            Assert.Equal(43, token.Length);
            Assert.Matches("^[A-Za-z0-9_-]+$", token);
        });
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }

    [Fact]
    public void StaticToken_ToString_DoesNotRevealTheSecret()
    {
        var token = new StaticToken("super-secret", new UserInfo("alice", "1", ["devs"]));

        Assert.DoesNotContain("super-secret", token.ToString(), StringComparison.Ordinal);
        Assert.Contains("alice", token.ToString(), StringComparison.Ordinal);
    }
}
