using System.Collections.Generic;
using System.Globalization;

namespace EvtchnAbiGen.Core.Diagnostics
{
    // Internal in the analyzers, which compile this file too (no duplicate public types).
#if EVTCHNABIGEN_ANALYZERS
    internal
#else
    public
#endif
    enum SpecSeverity { Info, Warning, Error }

    /// <summary>One diagnostic of the catalog: what it means and how it reads. The message format's
    /// arguments are data (names, numbers, ABIs), listed in <see cref="Arguments"/>.</summary>
    // Internal in the analyzers, which compile this file too (no duplicate public types).
#if EVTCHNABIGEN_ANALYZERS
    internal
#else
    public
#endif
    sealed class DiagnosticInfo
    {
        public DiagnosticInfo(string id, string title, string category, SpecSeverity severity, string messageFormat, string arguments)
        {
            Id = id;
            Title = title;
            Category = category;
            DefaultSeverity = severity;
            MessageFormat = messageFormat;
            Arguments = arguments;
        }

        public string Id { get; }
        public string Title { get; }
        public string Category { get; }
        public SpecSeverity DefaultSeverity { get; }
        public string MessageFormat { get; }
        /// <summary>What {0}, {1}, ... of <see cref="MessageFormat"/> hold.</summary>
        public string Arguments { get; }
        public string HelpLink => DiagnosticCatalog.HelpBase + Id.ToLowerInvariant();

        public string Format(IReadOnlyList<string> args)
        {
            var a = new object[args.Count];
            for (int i = 0; i < a.Length; i++) a[i] = args[i];
            return string.Format(CultureInfo.InvariantCulture, MessageFormat, a);
        }
    }

    /// <summary>The one diagnostic catalog: every ID the generator, the analyzers, the verifier and the CLI
    /// (including 'inspect') report. Roslyn descriptors, SARIF rules, AnalyzerReleases and docs/diagnostics.md are derived from
    /// it or tested against it. Never renumber an ID.</summary>
    // Internal in the analyzers, which compile this file too (no duplicate public types).
#if EVTCHNABIGEN_ANALYZERS
    internal
#else
    public
#endif
    static class DiagnosticCatalog
    {
        /// <summary>The one place the documentation's address is written.</summary>
        public const string HelpBase = "https://github.com/EvtchnAbiGen/EvtchnAbiGen/blob/main/docs/diagnostics.md#";

        public const string SpecCategory = "EvtchnAbiGen.Spec";
        public const string UsageCategory = "EvtchnAbiGen.Usage";
        public const string VerifyCategory = "EvtchnAbiGen.Verify";
        public const string InspectCategory = "EvtchnAbiGen.Inspect";
        public const string ImportCategory = "EvtchnAbiGen.Import";

        private static DiagnosticInfo Spec(string id, string title, SpecSeverity s, string format = "{0}", string args = "{0}: the problem and its fix")
            => new DiagnosticInfo(id, title, SpecCategory, s, format, args);

        private static DiagnosticInfo Usage(string id, string title, SpecSeverity s, string format, string args)
            => new DiagnosticInfo(id, title, UsageCategory, s, format, args);

        private static DiagnosticInfo Verify(string id, string title)
            => new DiagnosticInfo(id, title, VerifyCategory, SpecSeverity.Error, "{0}", "{0}: the ABI, the struct or constant, what the C headers say and what the spec says");

        private static DiagnosticInfo Inspect(string id, string title, string format, string args)
            => new DiagnosticInfo(id, title, InspectCategory, SpecSeverity.Error, format, args);

        public static readonly DiagnosticInfo EmptySpec = Spec(DiagnosticIds.EmptySpec, "Spec file is empty", SpecSeverity.Warning);
        public static readonly DiagnosticInfo NotText = Spec(DiagnosticIds.NotText, "Spec file is not text", SpecSeverity.Error);
        public static readonly DiagnosticInfo Syntax = Spec(DiagnosticIds.Syntax, "Spec syntax error", SpecSeverity.Error);
        public static readonly DiagnosticInfo UnknownType = Spec(DiagnosticIds.UnknownType, "Unknown type", SpecSeverity.Error);
        public static readonly DiagnosticInfo DuplicateField = Spec(DiagnosticIds.DuplicateField, "Duplicate field", SpecSeverity.Error);
        public static readonly DiagnosticInfo DuplicateDeclaration = Spec(DiagnosticIds.DuplicateDeclaration, "Duplicate declaration", SpecSeverity.Error);
        public static readonly DiagnosticInfo UnknownConstant = Spec(DiagnosticIds.UnknownConstant, "Unknown constant", SpecSeverity.Error);
        public static readonly DiagnosticInfo CyclicConstant = Spec(DiagnosticIds.CyclicConstant, "Cyclic constant", SpecSeverity.Error);
        public static readonly DiagnosticInfo BadExpression = Spec(DiagnosticIds.BadExpression, "Invalid constant expression", SpecSeverity.Error);
        public static readonly DiagnosticInfo BadArrayLength = Spec(DiagnosticIds.BadArrayLength, "Invalid array length", SpecSeverity.Error,
            "array length of '{0}' is {1} on {2}; it must be at least 1 (only the last member of a record may be a flexible array, 'T name[]' or 'T name[0]', with one dimension)",
            "{0}: the field; {1}: its length; {2}: the ABIs");
        public static readonly DiagnosticInfo TooLarge = Spec(DiagnosticIds.TooLarge, "Record too large", SpecSeverity.Error,
            "{0} needs {1} on {4}, more than the limit of {2} bytes; {3}",
            "{0}: the record or array; {1}: what it needs (bytes or elements); {2}: the limit; {3}: the fix; {4}: the ABIs");
        public static readonly DiagnosticInfo BadBit = Spec(DiagnosticIds.BadBit, "Invalid bit or bit range", SpecSeverity.Error);
        public static readonly DiagnosticInfo UnknownSelector = Spec(DiagnosticIds.UnknownSelector, "Unknown ABI selector", SpecSeverity.Error);
        public static readonly DiagnosticInfo BadAttribute = Spec(DiagnosticIds.BadAttribute, "Invalid attribute", SpecSeverity.Error);
        public static readonly DiagnosticInfo RecursiveType = Spec(DiagnosticIds.RecursiveType, "Recursive type", SpecSeverity.Error);
        public static readonly DiagnosticInfo BadAlignment = Spec(DiagnosticIds.BadAlignment, "Invalid alignment", SpecSeverity.Error);
        public static readonly DiagnosticInfo NamespaceMismatch = Spec(DiagnosticIds.NamespaceMismatch, "Conflicting namespaces", SpecSeverity.Error);
        public static readonly DiagnosticInfo ImplicitPadding = Spec(DiagnosticIds.ImplicitPadding, "Implicit padding", SpecSeverity.Info,
            "{0} {1} has implicit padding: {2}. C leaves these bytes undefined; if the struct crosses a trust boundary, add explicit 'reserved' fields",
            "{0}: struct or union; {1}: its name; {2}: the padding bytes and offsets, per ABI");
        public static readonly DiagnosticInfo NameCollision = Spec(DiagnosticIds.NameCollision, "Name collision in generated C#", SpecSeverity.Error);
        public static readonly DiagnosticInfo AbiDivergence = Spec(DiagnosticIds.AbiDivergence, "Member layout differs between ABIs", SpecSeverity.Info,
            "'{0}' in {1} {2} has a different offset or size between ABIs: {3}; code shared between 32- and 64-bit backends must use each ABI's type",
            "{0}: the member; {1}: struct or union; {2}: the record; {3}: offset and size on each ABI");
        public static readonly DiagnosticInfo BadOption = Spec(DiagnosticIds.BadOption, "Unknown generator option value", SpecSeverity.Warning,
            "'{0}' is not a valid value of {1}; it is ignored. Valid values: {2}",
            "{0}: the value; {1}: the MSBuild property; {2}: the valid values");
        public static readonly DiagnosticInfo FrameworkTooOld = Spec(DiagnosticIds.FrameworkTooOld, "Target framework too old for the generated code", SpecSeverity.Error,
            "the generated code needs {0} or later ({1}); this project targets {2}, so no types were generated. Target {0} or later",
            "{0}: the oldest supported framework; {1}: the API it needs; {2}: the project's target framework");
        public static readonly DiagnosticInfo UnknownSelectedName = Spec(DiagnosticIds.UnknownSelectedName, "Unknown name in XenAbi.txt", SpecSeverity.Warning,
            "'{0}' in XenAbi.txt names no record, enum, enumerator, constant, word or spec group of the specs{1}; nothing is generated for it",
            "{0}: the name; {1}: a did-you-mean, when one is close");
        public static readonly DiagnosticInfo BitWidthNotConstant = Spec(DiagnosticIds.BitWidthNotConstant, "Bitfield width is not a constant expression", SpecSeverity.Error);
        public static readonly DiagnosticInfo BadBitWidth = Spec(DiagnosticIds.BadBitWidth, "Invalid bitfield width", SpecSeverity.Error,
            "bitfield '{0}' is {1} bits wide on {3}; {2}",
            "{0}: the bitfield ('(unnamed)' for an unnamed one); {1}: its width; {2}: the rule it breaks and the fix; {3}: the ABIs");
        public static readonly DiagnosticInfo BadBitfieldType = Spec(DiagnosticIds.BadBitfieldType, "Bitfield of a non-integer type", SpecSeverity.Error);
        public static readonly DiagnosticInfo BadEnum = Spec(DiagnosticIds.BadEnum, "Invalid enum", SpecSeverity.Error);
        public static readonly DiagnosticInfo InternalError = Spec(DiagnosticIds.InternalError, "Internal error", SpecSeverity.Error,
            "EvtchnAbiGen failed while {0} ({1}: {2}); please report it with the spec attached",
            "{0}: the step; {1}: the exception type; {2}: its message");

        public static readonly DiagnosticInfo NonAtomicWrite = Usage(DiagnosticIds.NonAtomicWrite, "Non-atomic write to shared ABI memory", SpecSeverity.Warning,
            "'{0}' is a shared-memory {1}: a plain '{2}' can race with Xen or another vcpu and lose an update; use {3}",
            "{0}: the field; {1}: word or bitmap; {2}: the operator; {3}: the generated operation to use");
        public static readonly DiagnosticInfo SharedStructCopy = Usage(DiagnosticIds.SharedStructCopy, "Shared-memory struct copied by value", SpecSeverity.Warning,
            "this copies '{0}' ({1}) out of shared memory by value: the copy is a torn snapshot of memory Xen may be writing, and operations on it never reach the shared page; use 'ref' or 'ref readonly'",
            "{0}: the expression copied; {1}: its type");
        public static readonly DiagnosticInfo BitIndexOutOfRange = Usage(DiagnosticIds.BitIndexOutOfRange, "Constant bit index beyond the bitmap", SpecSeverity.Error,
            "bit {0} is beyond {1} on {2}: it holds {3} bits, 0..{4}",
            "{0}: the constant index; {1}: the bitmap; {2}: the ABI; {3}: its bit count; {4}: the last valid bit");
        public static readonly DiagnosticInfo UnguardedClear = Usage(DiagnosticIds.UnguardedClear, "Clear of a guarded bit bypasses its guard", SpecSeverity.Warning,
            "this clears {0} of {1} without waiting while {2} is set: Xen holds {2} while it relinks the event, and the clear can make it give up and lose the event; use {3}()",
            "{0}: the guarded bit; {1}: the word type; {2}: the guard bit; {3}: the generated guarded clear");

        public static readonly DiagnosticInfo PlainRead = Usage(DiagnosticIds.PlainRead, "Plain read of a shared bitmap word", SpecSeverity.Info,
            "'{0}[{1}]' reads a shared-memory bitmap word with a plain load, which the JIT may hoist out of a loop or merge with an earlier read; use {0}.{2}({1}), a volatile read",
            "{0}: the bitmap; {1}: the word index; {2}: the generated read");

        public static readonly DiagnosticInfo DriftSize = Verify(DiagnosticIds.DriftSize, "Struct size or alignment differs from the C headers");
        public static readonly DiagnosticInfo DriftField = Verify(DiagnosticIds.DriftField, "Field offset or size differs from the C headers");
        public static readonly DiagnosticInfo DriftMissingInSpec = Verify(DiagnosticIds.DriftMissingInSpec, "Field present in the C headers but missing from the spec");
        public static readonly DiagnosticInfo DriftMissingInC = Verify(DiagnosticIds.DriftMissingInC, "Field present in the spec but missing from the C headers");
        public static readonly DiagnosticInfo DriftStructMissing = Verify(DiagnosticIds.DriftStructMissing, "Struct not defined by the C headers");
        public static readonly DiagnosticInfo DriftConstantValue = Verify(DiagnosticIds.DriftConstantValue, "Constant value differs from the C headers");
        public static readonly DiagnosticInfo DriftConstantMissing = Verify(DiagnosticIds.DriftConstantMissing, "Constant not defined by the C headers");

        public static readonly DiagnosticInfo InspectFileSize = Inspect(DiagnosticIds.InspectFileSize, "Inspected file has the wrong size",
            "{0}: {1} bytes, expected {2}",
            "{0}: the file (several joined with ' + ' when only their total is wrong); {1}: its size; {2}: the sizes it may have, and why");
        public static readonly DiagnosticInfo InspectFileUnreadable = Inspect(DiagnosticIds.InspectFileUnreadable, "Inspected file cannot be read",
            "{0}: {1}",
            "{0}: the file; {1}: why (not found, a folder, no permission)");

        public static readonly DiagnosticInfo ImportUnsupported = new DiagnosticInfo(DiagnosticIds.ImportUnsupported,
            "C construct the spec language cannot express", ImportCategory, SpecSeverity.Warning,
            "{0}", "{0}: the declaration, the construct (a bitfield, a flexible array member, a function type, ...), and that it is left out");

        public static IReadOnlyList<DiagnosticInfo> All { get; } = new[]
        {
            EmptySpec, NotText, Syntax, UnknownType, DuplicateField, DuplicateDeclaration, UnknownConstant, CyclicConstant,
            BadExpression, BadArrayLength, TooLarge, BadBit, UnknownSelector, BadAttribute, RecursiveType, BadAlignment,
            NamespaceMismatch, ImplicitPadding, NameCollision, AbiDivergence, BadOption, FrameworkTooOld,
            BitWidthNotConstant, BadBitWidth, BadBitfieldType, BadEnum, UnknownSelectedName, InternalError,
            NonAtomicWrite, SharedStructCopy, BitIndexOutOfRange, UnguardedClear, PlainRead,
            DriftSize, DriftField, DriftMissingInSpec, DriftMissingInC, DriftStructMissing, DriftConstantValue, DriftConstantMissing,
            InspectFileSize, InspectFileUnreadable, ImportUnsupported,
        };

        public static DiagnosticInfo Get(string id)
        {
            foreach (var d in All)
                if (d.Id == id) return d;
            return InternalError;
        }
    }
}
