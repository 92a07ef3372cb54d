using System.Collections.Generic;
using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Verifier
{
    /// <summary>A struct or union as clang laid it out, members in C offsetof spelling, named by the same
    /// walk as the spec model's (<see cref="OffsetofPaths"/>).</summary>
    public sealed record CRecord(string Name, bool IsUnion, long Size, long Align, IReadOnlyList<CField> Fields, string File, int Line);

    public sealed record CField(string Path, long Offset, long Size, string File, int Line)
    {
        /// <summary>A bitfield's width in bits; 0 for any other member.</summary>
        public int BitWidth { get; init; }

        /// <summary>Bits from the start of the outer record to the member's lowest bit.</summary>
        public long BitOffset { get; init; }
    }

    /// <summary>Everything read from one parse of the headers for one ABI.</summary>
    public sealed record CAbiLayout(AbiTarget Target, IReadOnlyDictionary<string, CRecord> Records, IReadOnlyDictionary<string, long> Constants)
    {
        /// <summary>The enums asked for, by tag (enum NAME) or, for an unnamed enum, by its typedef's name.</summary>
        public IReadOnlyDictionary<string, CEnum> Enums { get; init; } = new Dictionary<string, CEnum>();
    }

    /// <summary>An enum's integer type as clang gives it (sizeof, _Alignof in a struct).</summary>
    public sealed record CEnum(string Name, long Size, long Align, string File, int Line);

    /// <summary>Thrown for setup problems the user must fix (exit code 2): missing headers, parse errors.</summary>
    public sealed class VerifierSetupException : System.Exception
    {
        public VerifierSetupException(string message) : base(message) { }
    }
}
