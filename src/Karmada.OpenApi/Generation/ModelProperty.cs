using System.Reflection;

namespace Karmada.OpenApi.Generation;

/// <summary>One serialized property of a model type.</summary>
/// <param name="JsonName">The JSON property name.</param>
/// <param name="Type">The CLR type of the property.</param>
/// <param name="Member">The property or field, for its documentation; null when unknown.</param>
/// <param name="Required">Whether the schema lists the property as required.</param>
internal sealed record ModelProperty(string JsonName, Type Type, MemberInfo? Member, bool Required);
