using System.Collections.Generic;
using System.Linq;
using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Verifier
{
    /// <summary>The outcome of a run: for each ABI, the spec's structs and constants and the drifts found.</summary>
    /// <param name="Drifts">The differences that fail the run.</param>
    /// <param name="Excused">Differences that do not: newer than these headers, or known from a baseline (see <see cref="DriftStatus"/>).</param>
    public sealed record AbiVerification(AbiTarget Target, IReadOnlyList<string> Structs, int ConstantCount, IReadOnlyList<Drift> Drifts,
        IReadOnlyList<Drift>? Excused = null)
    {
        public IReadOnlyList<Drift> AllExcused => Excused ?? System.Array.Empty<Drift>();
    }

    /// <param name="Notes">Information that is not drift, e.g. headers newer than the pinned interface version.</param>
    public sealed record VerifyReport(IReadOnlyList<AbiVerification> Abis, string ClangVersion, string LibClang, double Seconds,
        IReadOnlyList<string>? Notes = null)
    {
        public IReadOnlyList<string> AllNotes => Notes ?? System.Array.Empty<string>();

        public IEnumerable<Drift> AllDrifts => Abis.SelectMany(a => a.Drifts);

        public IEnumerable<Drift> AllExcused => Abis.SelectMany(a => a.AllExcused);

        public bool Clean => !AllDrifts.Any();
    }

    /// <summary>One header set of a release matrix: its label (e.g. "4.20" or "trixie"; null when the user gave
    /// none), the folder, and its report.</summary>
    public sealed record ReleaseReport(string? Label, string HeadersDir, VerifyReport Report)
    {
        public string Name => Label ?? HeadersDir;
    }
}
