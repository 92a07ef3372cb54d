using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Generator
{
    /// <summary>The output of the emit step: equatable, so unchanged text is not re-added.</summary>
    internal sealed record GeneratedFile(string HintName, string Text);

    /// <summary>The layout step's output: per-ABI models plus every spec diagnostic.</summary>
    internal sealed record SpecSetModel(EquatableArray<Core.Layout.AbiLayout> Abis, EquatableArray<SpecDiagnostic> Diagnostics,
        EquatableArray<Core.Layout.PortableRecord> Portability);

    /// <summary>The emit step's output: the files, and any failure as a diagnostic (EAG0099).</summary>
    internal sealed record EmitResult(EquatableArray<GeneratedFile> Files, EquatableArray<SpecDiagnostic> Diagnostics);
}
