using System;
using System.Collections.Generic;
using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Emit;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Util;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvtchnAbiGen.Generator
{
    /// <summary>The options and the warnings about values it had to ignore (EAG0021).</summary>
    internal sealed record OptionsResult(GeneratorOptions Options, EquatableArray<SpecDiagnostic> Diagnostics, string TargetFramework = "")
    {
        public bool Wants(string abi) => Options.Wants(abi);
    }

    /// <summary>Reads EvtchnAbiGenVisibility and EvtchnAbiGenAbis; an unknown value is a warning naming the valid ones.</summary>
    internal static class GeneratorOptionsReader
    {
        public const string VisibilityProperty = "EvtchnAbiGenVisibility";
        public const string AbisProperty = "EvtchnAbiGenAbis";
        private static readonly string[] Visibilities = { "public", "internal" };

        public static OptionsResult Read(AnalyzerConfigOptions options)
        {
            var diagnostics = new List<SpecDiagnostic>();
            string visibility = "public";
            if (options.TryGetValue("build_property." + VisibilityProperty, out var v) && !string.IsNullOrWhiteSpace(v))
            {
                if (Visibilities.Contains(v.Trim())) visibility = v.Trim();
                else diagnostics.Add(Warn(v.Trim(), VisibilityProperty, Visibilities));
            }
            var abis = new List<string>();
            if (options.TryGetValue("build_property." + AbisProperty, out var a) && !string.IsNullOrWhiteSpace(a))
            {
                var valid = AbiTarget.All.Select(t => t.Name).ToArray();
                foreach (var name in a.Split(new[] { ';', ',', ' ' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (valid.Contains(name)) abis.Add(name);
                    else diagnostics.Add(Warn(name, AbisProperty, valid));
                }
                // Every entry unknown: generate nothing rather than everything the user did not ask for.
                if (abis.Count == 0) abis.Add("");
            }
            options.TryGetValue("build_property.TargetFramework", out var framework);
            return new OptionsResult(new GeneratorOptions(visibility, abis.ToEquatableArray()), diagnostics.ToEquatableArray(), framework?.Trim() ?? "");
        }

        private static SpecDiagnostic Warn(string value, string property, string[] valid)
            => SpecDiagnostic.Create(DiagnosticCatalog.BadOption, SpecLocation.None(""), value, property, string.Join(", ", valid));
    }
}
