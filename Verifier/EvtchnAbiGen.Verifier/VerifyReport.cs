using System.Collections.Generic;
using System.Linq;
using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Verifier
{
    /// <summary>The outcome of a run: for each ABI, the spec's structs and constants and the drifts found.</summary>
    public sealed record AbiVerification(AbiTarget Target, IReadOnlyList<string> Structs, int ConstantCount, IReadOnlyList<Drift> Drifts);

    /// <param name="Notes">Information that is not drift, e.g. headers newer than the pinned interface version.</param>
    public sealed record VerifyReport(IReadOnlyList<AbiVerification> Abis, string ClangVersion, string LibClang, double Seconds,
        IReadOnlyList<string>? Notes = null)
    {
        public IReadOnlyList<string> AllNotes => Notes ?? System.Array.Empty<string>();

        public IEnumerable<Drift> AllDrifts => Abis.SelectMany(a => a.Drifts);

        public bool Clean => !AllDrifts.Any();
    }
}
