using System;

namespace EvtchnAbiGen.Core.Diagnostics
{
    /// <summary>A span in a spec file. Lines and columns are 0-based here (Roslyn's convention);
    /// <see cref="ToString"/> prints them 1-based, as compilers do.</summary>
    public sealed record SpecLocation(string Path, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
    {
        public static SpecLocation None(string path) => new SpecLocation(path, 0, 0, 0, 0, 0, 0);

        public override string ToString() => $"{Path}({Line + 1},{Column + 1})";
    }

    public enum SpecSeverity { Info, Warning, Error }

    /// <summary>One located problem in a spec, with a stable ID from <see cref="DiagnosticIds"/>.</summary>
    public sealed record SpecDiagnostic(string Id, SpecSeverity Severity, string Message, SpecLocation Location)
    {
        public override string ToString()
            => $"{Location}: {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
    }
}
