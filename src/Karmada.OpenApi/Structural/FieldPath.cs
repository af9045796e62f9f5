using System.Globalization;

namespace Karmada.OpenApi.Structural;

/// <summary>Builds field paths the way apimachinery's <c>field.Path</c> prints them.</summary>
internal static class FieldPath
{
    public static string Child(string path, string name) => path.Length == 0 ? name : path + "." + name;

    public static string Index(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    public static string Key(string path, string key) => path + "[" + key + "]";
}
