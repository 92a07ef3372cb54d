using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Verifier
{
    /// <summary>Spec layouts (from the one layout engine) against clang's, one parse per ABI.</summary>
    public static class LayoutVerifier
    {
        public static VerifyReport Run(LayoutResult specs, HeaderSet headers)
        {
            var sw = Stopwatch.StartNew();
            var results = new List<AbiVerification>();
            foreach (var abi in specs.Abis)
            {
                var names = abi.Records.Select(r => r.Name).ToList();
                var constants = abi.Constants.Select(c => c.Name).ToList();
                var c = HeaderReader.Read(abi.Target, headers, names, constants);
                results.Add(new AbiVerification(abi.Target, names, constants.Count, Comparer.Compare(abi, c)));
            }
            return new VerifyReport(results, LibClangLoader.ClangVersion(), LibClangLoader.LoadedFrom ?? "", sw.Elapsed.TotalSeconds);
        }
    }
}
