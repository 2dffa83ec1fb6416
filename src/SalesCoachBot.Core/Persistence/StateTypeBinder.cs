using Newtonsoft.Json.Serialization;

namespace SalesCoachBot.Persistence;

/// <summary>Only our own, the Bot Framework's and the runtime's types may be named in stored state.</summary>
internal sealed class StateTypeBinder : DefaultSerializationBinder
{
    private static readonly string[] TrustedAssemblyPrefixes =
        ["System.Private.CoreLib", "System.Collections", "Microsoft.Bot.", "SalesCoachBot", "Newtonsoft.Json"];

    public override Type BindToType(string? assemblyName, string typeName)
    {
        if (assemblyName is not null && !TrustedAssemblyPrefixes.Any(assemblyName.StartsWith))
            throw new InvalidOperationException($"Stored bot state names an untrusted type: {typeName}, {assemblyName}");
        return base.BindToType(assemblyName, typeName);
    }
}
