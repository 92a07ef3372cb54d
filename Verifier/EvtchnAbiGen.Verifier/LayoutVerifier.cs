using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Verifier
{
    /// <summary>Spec layouts (from the one layout engine) against clang's, one parse per ABI.</summary>
    public static class LayoutVerifier
    {
        /// <summary>The spec constant that pins the Xen interface version the specs are written against.</summary>
        public const string InterfaceVersionConstant = "__XEN_INTERFACE_VERSION__";

        public static VerifyReport Run(LayoutResult specs, HeaderSet headers, DriftBaseline? baseline = null)
        {
            baseline ??= DriftBaseline.Empty;
            long? latest = headers.LatestInterfaceVersion;
            headers = headers.WithSpecHeaders(specs.CHeaders, specs.CDefines);
            var sw = Stopwatch.StartNew();
            var notes = new List<string>();
            string version = InterfaceVersion(specs, latest, notes);
            var results = new List<AbiVerification>();
            foreach (var abi in specs.Abis)
            {
                var names = abi.Records.Select(r => r.Name).ToList();
                var constants = abi.Constants.Select(c => c.Name).ToList();
                var enumerators = abi.Enums.SelectMany(e => e.Members.Select(m => m.Name)).ToList();
                var c = HeaderReader.Read(abi.Target, headers, names, constants.Concat(enumerators).ToList(), version, abi.Enums.Select(e => e.Name).ToList());
                names.AddRange(abi.Enums.Select(e => Drift.EnumPrefix + e.Name));
                constants.AddRange(enumerators);
                var all = Comparer.Compare(abi, c).Select(d => d with { Status = Classify(abi, d, latest, baseline) }).ToList();
                results.Add(new AbiVerification(abi.Target, names, constants.Count,
                    all.Where(d => d.Status == DriftStatus.Drift).ToList(), all.Where(d => d.Status != DriftStatus.Drift).ToList()));
            }
            return new VerifyReport(results, LibClangLoader.ClangVersion(), LibClangLoader.LoadedFrom ?? "", sw.Elapsed.TotalSeconds, notes);
        }

        /// <summary>A record, constant or field the headers lack, from a spec file imported from newer headers than these,
        /// is newer than them: absent here, not drift. Anything else is drift unless the baseline knows it.</summary>
        private static DriftStatus Classify(AbiLayout abi, Drift d, long? latest, DriftBaseline baseline)
        {
            bool absent = d.Kind is DriftKind.StructMissingInC or DriftKind.ConstantMissingInC or DriftKind.MissingInC;
            if (absent && latest is long l && abi.FileOf(d.Spec)?.ImportedFrom is long from && from > l) return DriftStatus.Newer;
            return baseline.Contains(d) ? DriftStatus.Known : DriftStatus.Drift;
        }

        /// <summary>What to define __XEN_INTERFACE_VERSION__ as: the specs' pinned version, as a pinned guest does
        /// (headers newer than it are a note, not drift; headers older than it are a setup error), or, for
        /// specs that pin nothing, the headers' latest (<paramref name="latest"/>, read once per run).</summary>
        private static string InterfaceVersion(LayoutResult specs, long? latest, List<string> notes)
        {
            long? pinned = specs.Abis.Select(a => a.FindConstant(InterfaceVersionConstant)?.Value).FirstOrDefault();
            if (pinned == null) return "__XEN_LATEST_INTERFACE_VERSION__";
            if (latest != null && pinned > latest)
                throw new VerifierSetupException(
                    $"the headers support Xen interface versions up to {Hex(latest.Value)} (__XEN_LATEST_INTERFACE_VERSION__ in xen-compat.h), " +
                    $"older than the specs' pinned {InterfaceVersionConstant} {Hex(pinned.Value)}; use headers from a newer Xen release");
            if (latest != null && latest > pinned)
                notes.Add($"the headers' latest interface version is {Hex(latest.Value)}, newer than the specs' pinned {Hex(pinned.Value)}; " +
                          $"compiled at {Hex(pinned.Value)}, as a pinned guest is (information, not drift)");
            return Hex(pinned.Value);
        }

        private static string Hex(long v) => "0x" + v.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
