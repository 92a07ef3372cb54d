using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Core.Emit
{
    /// <summary>Consumer options (MSBuild properties EvtchnAbiGenVisibility and EvtchnAbiGenAbis).</summary>
    public sealed record GeneratorOptions(string Visibility, EquatableArray<string> Abis)
    {
        public static readonly GeneratorOptions Default = new GeneratorOptions("public", EquatableArray<string>.Empty);

        public bool Wants(string abi)
        {
            if (Abis.Count == 0) return true;
            foreach (var a in Abis)
                if (string.Equals(a, abi, System.StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }
    }
}
