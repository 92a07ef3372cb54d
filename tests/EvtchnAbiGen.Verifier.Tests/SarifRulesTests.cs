using System;
using System.Linq;
using System.Text.Json;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Verifier;
using EvtchnAbiGen.Verifier.Reports;
using Xunit;

namespace EvtchnAbiGen.Verifier.Tests
{
    /// <summary>The verifier's SARIF rules and drift IDs come from the diagnostic catalog.</summary>
    public class SarifRulesTests
    {
        [Fact]
        public void Every_drift_kind_maps_to_a_verify_rule_of_the_catalog_and_every_rule_is_used()
        {
            var ids = Enum.GetValues<DriftKind>()
                .Select(k => new Drift("x86_64", "s", "f", "c", k, "1", "2", SpecLocation.None("s.abi"), null, 0).RuleId).ToList();
            Assert.All(ids, id => Assert.Equal(DiagnosticCatalog.VerifyCategory, DiagnosticCatalog.Get(id).Category));
            Assert.Equal(DiagnosticCatalog.All.Where(d => d.Category == DiagnosticCatalog.VerifyCategory).Select(d => d.Id).OrderBy(x => x),
                ids.Distinct().OrderBy(x => x));
        }

        [Fact]
        public void The_sarif_driver_lists_the_catalogs_rules_with_titles_levels_and_help_links()
        {
            var report = new VerifyReport(Array.Empty<AbiVerification>(), "clang", "libclang.so", 0);
            using var doc = JsonDocument.Parse(SarifReport.Write(report));
            var rules = doc.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")
                .EnumerateArray().Select(r => (
                    id: r.GetProperty("id").GetString(),
                    title: r.GetProperty("shortDescription").GetProperty("text").GetString(),
                    help: r.GetProperty("helpUri").GetString(),
                    level: r.GetProperty("defaultConfiguration").GetProperty("level").GetString())).ToList();
            var expected = DiagnosticCatalog.All.Where(d => d.Category == DiagnosticCatalog.VerifyCategory)
                .Select(d => (id: (string?)d.Id, title: (string?)d.Title, help: (string?)d.HelpLink, level: (string?)"error")).ToList();
            Assert.Equal(expected, rules);
        }
    }
}
