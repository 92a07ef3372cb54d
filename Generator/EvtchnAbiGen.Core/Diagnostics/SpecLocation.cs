using System.Collections.Generic;
using System.Linq;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Core.Diagnostics
{
    /// <summary>A span in a spec file. Lines and columns are 0-based here (Roslyn's convention);
    /// <see cref="ToString"/> prints them 1-based, as compilers do.</summary>
    public sealed record SpecLocation(string Path, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
    {
        public static SpecLocation None(string path) => new SpecLocation(path, 0, 0, 0, 0, 0, 0);

        public override string ToString() => $"{Path}({Line + 1},{Column + 1})";
    }

    /// <summary>One located problem in a spec: a catalog ID, its message arguments as data, and the ABIs it
    /// holds on (empty when it does not depend on the ABI). The text comes from <see cref="DiagnosticCatalog"/>;
    /// the severity is the catalog's default (.editorconfig may change it in the IDE).</summary>
    public sealed record SpecDiagnostic(string Id, SpecLocation Location, EquatableArray<string> Arguments, EquatableArray<string> Abis)
    {
        /// <summary>A diagnostic whose catalog format is "{0}": the argument is the problem and its fix.</summary>
        public SpecDiagnostic(string id, string message, SpecLocation location)
            : this(id, location, new[] { message }.ToEquatableArray(), EquatableArray<string>.Empty)
        {
        }

        public static SpecDiagnostic Create(DiagnosticInfo info, SpecLocation location, params string[] arguments)
            => new SpecDiagnostic(info.Id, location, arguments.ToEquatableArray(), EquatableArray<string>.Empty);

        /// <summary>The same diagnostic, holding on <paramref name="abis"/> (the catalog format's last argument).</summary>
        public SpecDiagnostic On(IEnumerable<string> abis) => this with { Abis = abis.ToEquatableArray() };

        public SpecSeverity Severity => DiagnosticCatalog.Get(Id).DefaultSeverity;

        /// <summary>The arguments for the catalog format: <see cref="Arguments"/>, then the ABI list if any.</summary>
        public IReadOnlyList<string> FormatArguments
            => Abis.Count == 0 ? (IReadOnlyList<string>)Arguments.ToList() : Arguments.Concat(new[] { AbiList(Abis) }).ToList();

        public string Message => DiagnosticCatalog.Get(Id).Format(FormatArguments);

        public static string AbiList(IEnumerable<string> abis)
        {
            var list = abis.ToList();
            return list.Count == AbiTarget.All.Count ? "every ABI" : string.Join("/", list);
        }

        public override string ToString()
            => $"{Location}: {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
    }
}
