using EvtchnAbiGen.Core.Diagnostics;

namespace EvtchnAbiGen.Verifier
{
    public enum DriftKind { Size, Alignment, FieldOffset, FieldSize, FieldBits, MissingInSpec, MissingInC, StructMissingInC, ConstantValue, ConstantMissingInC }

    /// <summary>What a difference means. <see cref="Newer"/>: the headers are older than those the spec was imported
    /// from and lack the record, constant or field (absent there, not drift). <see cref="Known"/>: acknowledged in a
    /// baseline file (an ABI change between releases). Only <see cref="Drift"/> fails a run.</summary>
    public enum DriftStatus { Drift, Newer, Known }

    /// <summary>One difference between a spec and the C headers. <see cref="Expected"/> is what the C
    /// header says (the truth), <see cref="Actual"/> what the spec says.</summary>
    public sealed record Drift(string Abi, string? Struct, string? Field, string? Constant, DriftKind Kind, string Expected, string Actual,
        SpecLocation Spec, string? CFile, int CLine)
    {
        /// <summary>The catalog ID of this kind of drift (its SARIF rule).</summary>
        public string RuleId => Kind switch
        {
            DriftKind.Size or DriftKind.Alignment => DiagnosticIds.DriftSize,
            DriftKind.FieldOffset or DriftKind.FieldSize or DriftKind.FieldBits => DiagnosticIds.DriftField,
            DriftKind.MissingInSpec => DiagnosticIds.DriftMissingInSpec,
            DriftKind.MissingInC => DiagnosticIds.DriftMissingInC,
            DriftKind.StructMissingInC => DiagnosticIds.DriftStructMissing,
            DriftKind.ConstantValue => DiagnosticIds.DriftConstantValue,
            _ => DiagnosticIds.DriftConstantMissing,
        };

        /// <summary>The prefix of an enum's <see cref="Struct"/>: the verifier reports an enum type as a row "enum NAME".</summary>
        public const string EnumPrefix = "enum ";

        /// <summary>"struct NAME", or "enum NAME" for an enum.</summary>
        private string Type => Struct != null && Struct.StartsWith(EnumPrefix, System.StringComparison.Ordinal) ? Struct : "struct " + Struct;

        public string What => Kind switch
        {
            DriftKind.Size => $"{Type}: sizeof",
            DriftKind.Alignment => $"{Type}: alignment",
            DriftKind.FieldOffset => $"{Type}: field '{Field}' offset",
            DriftKind.FieldSize => $"{Type}: field '{Field}' size",
            DriftKind.FieldBits => $"{Type}: bitfield '{Field}' bits",
            DriftKind.MissingInSpec => $"{Type}: field '{Field}' is in C but not in the spec",
            DriftKind.MissingInC => $"{Type}: field '{Field}' is in the spec but not in C",
            DriftKind.StructMissingInC => $"{Type} is not defined by the headers",
            DriftKind.ConstantValue => $"constant {Constant}",
            _ => $"constant {Constant} is not defined by the headers",
        };

        public string Message
        {
            get
            {
                string values = Kind switch
                {
                    DriftKind.MissingInSpec => $" (C: offset {Expected}{Where()}); add it to the spec",
                    DriftKind.MissingInC => $" (spec: offset {Actual}); remove it or fix its name",
                    DriftKind.StructMissingInC or DriftKind.ConstantMissingInC => "",
                    _ => $": C headers say {Expected}, spec says {Actual}{Where()}",
                };
                return $"{Abi}: {What}{values} [{Spec.Path}:{Spec.Line + 1}]";
            }
        }

        public DriftStatus Status { get; init; } = DriftStatus.Drift;

        /// <summary>The difference without locations, stable across checkouts: a baseline file's line.</summary>
        public string Key => $"{RuleId} {Abi} {What}: C {Expected}, spec {Actual}";

        private string Where() => string.IsNullOrEmpty(CFile) ? "" : $" at {CFile}:{CLine}";
    }
}
