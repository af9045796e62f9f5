using System.Text;
using Karmada.OpenApi.Generation;

namespace Karmada.OpenApi.Tests.Generation;

public sealed class XmlDocumentationTests
{
    private static readonly XmlDocumentation Documentation = XmlDocumentation.Load(new MemoryStream(Encoding.UTF8.GetBytes("""
        <?xml version="1.0"?>
        <doc>
          <members>
            <member name="T:Sample.Thing">
              <summary>
              A thing that is wrapped
              over two lines.

              A second paragraph, see <see cref="T:Sample.Other"/> and <see langword="null"/>.
              </summary>
            </member>
            <member name="P:Sample.Thing.Size">
              <summary>Size &quot;in&quot; <c>bytes</c>.<para>Never negative.</para></summary>
            </member>
            <member name="P:Sample.Thing.Empty">
              <summary>
              </summary>
            </member>
          </members>
        </doc>
        """)));

    [Fact]
    public void GetSummary_WrappedParagraphs_AreJoinedLikeKubernetesDescriptions()
    {
        Assert.Equal("A thing that is wrapped over two lines.\n\nA second paragraph, see Other and null.", Documentation.GetSummary("T:Sample.Thing"));
    }

    [Fact]
    public void GetSummary_InlineMarkup_IsFlattened()
    {
        Assert.Equal("Size \"in\" bytes.\n\nNever negative.", Documentation.GetSummary("P:Sample.Thing.Size"));
    }

    [Fact]
    public void GetSummary_EmptyOrUnknownMember_IsNull()
    {
        Assert.Null(Documentation.GetSummary("P:Sample.Thing.Empty"));
        Assert.Null(Documentation.GetSummary("P:Sample.Thing.Missing"));
    }
}
