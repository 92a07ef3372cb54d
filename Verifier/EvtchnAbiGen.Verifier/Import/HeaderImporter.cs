using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Verifier.Import
{
    /// <summary>`evtchn-abi import`: parses the named headers once per ABI with libclang and writes one spec
    /// that describes all four, deterministic for the same headers.</summary>
    public static class HeaderImporter
    {
        public static ImportResult Import(ImportOptions o)
        {
            string dir = Path.GetFullPath(o.HeadersDir);
            if (!Directory.Exists(dir)) throw new VerifierSetupException($"header folder not found: {o.HeadersDir}");
            foreach (var h in o.Headers)
                if (!File.Exists(Path.Combine(dir, h)))
                    throw new VerifierSetupException($"{h}: no such header under {o.HeadersDir}");
            var options = o with { HeadersDir = dir };
            var abis = AbiTarget.All.ToList();
            var readers = abis.Select(a => new AbiImportReader(a, options)).ToList();
            foreach (var r in readers) r.Read();
            var problems = readers.SelectMany(r => r.Problems).GroupBy(p => (p.File, p.Line, p.Message)).Select(g => g.First())
                .OrderBy(p => p.File, System.StringComparer.Ordinal).ThenBy(p => p.Line).ToList();
            var main = readers.First(r => r.Items.Count > 0 || true);
            string spec = SpecText.Write(options, abis, readers.Select(r => r.Items).ToList(),
                i => (main.FileOrder(i.File), i.Line), out var counts);
            return new ImportResult(spec, problems, counts.Records, counts.Typedefs, counts.Constants);
        }
    }
}
