using System.Collections.Generic;
using EvtchnAbiGen.Core.Diagnostics;
using Microsoft.CodeAnalysis;

namespace EvtchnAbiGen.Generator
{
    /// <summary>Roslyn descriptors made from <see cref="DiagnosticCatalog"/>, one per ID. Compiled into the
    /// generator and the analyzers, so both report exactly what the catalog says.</summary>
    internal static class Descriptors
    {
        private static readonly Dictionary<string, DiagnosticDescriptor> ById = Build();

        private static Dictionary<string, DiagnosticDescriptor> Build()
        {
            var map = new Dictionary<string, DiagnosticDescriptor>();
            foreach (var d in DiagnosticCatalog.All)
                map[d.Id] = new DiagnosticDescriptor(d.Id, d.Title, d.MessageFormat, d.Category, ToRoslyn(d.DefaultSeverity),
                    isEnabledByDefault: true, description: "Arguments: " + d.Arguments + ".", helpLinkUri: d.HelpLink);
            return map;
        }

        public static DiagnosticDescriptor For(string id) => ById.TryGetValue(id, out var d) ? d : ById[DiagnosticIds.InternalError];

        public static DiagnosticDescriptor For(DiagnosticInfo info) => For(info.Id);

        public static DiagnosticSeverity ToRoslyn(SpecSeverity s)
            => s == SpecSeverity.Error ? DiagnosticSeverity.Error : s == SpecSeverity.Warning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info;
    }
}
