using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Generator
{
    /// <summary>The output of the emit step: equatable, so unchanged text is not re-added.</summary>
    internal sealed record GeneratedFile(string HintName, string Text);

    /// <summary>The layout step's output: one spec set per namespace, every spec diagnostic, and the selection it laid
    /// out for (emit applies the same one).</summary>
    internal sealed record SpecSetModel(EquatableArray<NamespaceSet> Sets, EquatableArray<SpecDiagnostic> Diagnostics, NameSelection Selection);

    /// <summary>One namespace's per-ABI models (empty when its specs have errors) and its portability facts.</summary>
    internal sealed record NamespaceSet(EquatableArray<Core.Layout.AbiLayout> Abis, EquatableArray<Core.Layout.PortableRecord> Portability);

    /// <summary>What the emit step needs besides the layout: the options, and whether the target framework has inline
    /// arrays.</summary>
    internal sealed record EmitSettings(OptionsResult Options, bool FrameworkHasInlineArrays);

    /// <summary>A step's diagnostics, as a class (see the pipeline's note on value types).</summary>
    internal sealed record DiagnosticBatch(EquatableArray<SpecDiagnostic> List);

    /// <summary>The emit step's output: the files, and any failure as a diagnostic (EAG0099).</summary>
    internal sealed record EmitResult(EquatableArray<GeneratedFile> Files, EquatableArray<SpecDiagnostic> Diagnostics);
}
