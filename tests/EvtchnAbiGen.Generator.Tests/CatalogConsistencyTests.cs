using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using EvtchnAbiGen.Analyzers;
using EvtchnAbiGen.Core.Diagnostics;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EvtchnAbiGen.Generator.Tests
{
    /// <summary>The catalog is the single source: the IDs, the analyzers' descriptors, AnalyzerReleases.*.md and
    /// docs/diagnostics.md must all agree with it.</summary>
    public class CatalogConsistencyTests
    {
        private static string Root => GeneratorHarness.RepoRoot;

        [Fact]
        public void Every_id_constant_is_in_the_catalog_once_with_an_absolute_help_link_to_its_anchor()
        {
            var constants = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).OrderBy(x => x).ToList();
            var catalog = DiagnosticCatalog.All.Select(d => d.Id).ToList();
            Assert.Equal(catalog.Count, catalog.Distinct().Count());
            Assert.Equal(constants, catalog.OrderBy(x => x));
            foreach (var d in DiagnosticCatalog.All)
            {
                Assert.True(Uri.TryCreate(d.HelpLink, UriKind.Absolute, out var uri), d.Id);
                Assert.Equal("#" + d.Id.ToLowerInvariant(), uri!.Fragment);
                Assert.Matches(@"^EAG\d{4}$", d.Id);
                Assert.StartsWith(d.Category switch
                {
                    DiagnosticCatalog.SpecCategory => "EAG0",
                    DiagnosticCatalog.UsageCategory => "EAG1",
                    DiagnosticCatalog.VerifyCategory => "EAG2",
                    DiagnosticCatalog.InspectCategory => "EAG30",
                    DiagnosticCatalog.ImportCategory => "EAG31",
                    _ => "an unknown category",
                }, d.Id);
            }
        }

        [Fact]
        public void The_analyzers_report_what_the_catalog_says()
        {
            var analyzers = typeof(NonAtomicWriteAnalyzer).Assembly.GetTypes()
                .Where(t => typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
                .Select(t => (Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToList();
            var supported = analyzers.SelectMany(a => a.SupportedDiagnostics).ToList();
            Assert.Equal(DiagnosticCatalog.All.Where(d => d.Category == DiagnosticCatalog.UsageCategory).Select(d => d.Id).OrderBy(x => x),
                supported.Select(d => d.Id).OrderBy(x => x));
            foreach (var descriptor in supported)
            {
                var info = DiagnosticCatalog.Get(descriptor.Id);
                Assert.Equal(info.Title, descriptor.Title.ToString());
                Assert.Equal(info.MessageFormat, descriptor.MessageFormat.ToString());
                Assert.Equal(info.Category, descriptor.Category);
                Assert.Equal(info.HelpLink, descriptor.HelpLinkUri);
                Assert.Equal(info.DefaultSeverity.ToString(), descriptor.DefaultSeverity == DiagnosticSeverity.Info ? "Info" : descriptor.DefaultSeverity.ToString());
            }
        }

        [Theory]
        [InlineData("Generator/EvtchnAbiGen.Generator", DiagnosticCatalog.SpecCategory)]
        [InlineData("Analyzers/EvtchnAbiGen.Analyzers", DiagnosticCatalog.UsageCategory)]
        public void Analyzer_releases_list_exactly_the_catalogs_rules(string project, string category)
        {
            var rows = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
                .SelectMany(f => File.ReadAllLines(Path.Combine(Root, project, f)))
                .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
                .Where(c => c.Length == 4 && Regex.IsMatch(c[0], @"^EAG\d{4}$"))
                .Select(c => $"{c[0]} | {c[1]} | {c[2]} | {c[3]}").OrderBy(x => x).ToList();
            var expected = DiagnosticCatalog.All.Where(d => d.Category == category)
                .Select(d => $"{d.Id} | {d.Category} | {d.DefaultSeverity} | {d.Title}").OrderBy(x => x).ToList();
            Assert.Equal(expected, rows);
        }

        [Fact]
        public void The_diagnostics_page_documents_every_id_as_the_catalog_says()
        {
            string doc = File.ReadAllText(Path.Combine(Root, "docs", "diagnostics.md"));
            var sections = Regex.Split(doc, @"(?=<a id=""eag\d{4}""></a>)").Skip(1).ToList();
            var documented = sections.Select(s => Regex.Match(s, @"^<a id=""(eag\d{4})""></a>").Groups[1].Value.ToUpperInvariant()).ToList();
            Assert.Equal(DiagnosticCatalog.All.Select(d => d.Id), documented);
            var problems = new List<string>();
            foreach (var (d, text) in DiagnosticCatalog.All.Zip(sections))
            {
                void Need(string s) { if (!text.Contains(s, StringComparison.Ordinal)) problems.Add($"{d.Id}: missing '{s}'"); }
                Need($"## {d.Id}: {d.Title}\n");
                Need($"Category: `{d.Category}`");
                Need($"Default severity: **{d.DefaultSeverity}**");
                Need("**Bad**");
                Need("**Fixed**");
                Need("**Fix:**");
                Need("**Severity:**");
                // Only compiler diagnostics (spec and usage) are configured through editorconfig/globalconfig.
                if (d.Category is DiagnosticCatalog.SpecCategory or DiagnosticCatalog.UsageCategory) Need($"dotnet_diagnostic.{d.Id}.severity");
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
    }
}
