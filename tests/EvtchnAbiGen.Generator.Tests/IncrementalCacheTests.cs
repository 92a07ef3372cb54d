using System;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EvtchnAbiGen.Generator.Tests
{
    /// <summary>LibraryImport-style cache tests: named steps, tracked, and asserted after an edit.</summary>
    public class IncrementalCacheTests
    {
        private static readonly string[] AllSteps =
        {
            StepNames.ParseSpec, StepNames.LayoutSpecs, StepNames.ReadOptions, StepNames.EmitSource, StepNames.CollectDiagnostics,
        };

        private static void AssertAllCached(GeneratorRunResult run, params string[] steps)
        {
            foreach (var step in steps)
            {
                Assert.True(run.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
                foreach (var s in run.TrackedSteps[step])
                    foreach (var (_, reason) in s.Outputs)
                        Assert.True(reason == IncrementalStepRunReason.Cached || reason == IncrementalStepRunReason.Unchanged,
                            $"step {step} output was {reason}");
            }
        }

        [Fact]
        public void Unrelated_csharp_edit_hits_the_cache_in_every_step()
        {
            var compilation = GeneratorHarness.Compilation("class A { int X => 1; }");
            var driver = GeneratorHarness.Driver(GeneratorHarness.BuiltInSpecs()).RunGenerators(compilation);

            var tree = compilation.SyntaxTrees.Single();
            var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(0, 0, "// edit\n")))
                .AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", new CSharpParseOptions(LanguageVersion.Preview)));
            driver = driver.RunGenerators(edited);

            var run = driver.GetRunResult().Results.Single();
            Assert.Null(run.Exception);
            Assert.Equal(4, run.GeneratedSources.Length - 2); // four ABIs + the shared helper types + the attribute file
            AssertAllCached(run, AllSteps);
        }

        /// <summary>The shipped whole set with a XenAbi.txt: an unrelated edit stops at the equality checks, and an
        /// edit of XenAbi.txt re-runs layout (which lays out only what is selected) and emit, not the parse of any spec.</summary>
        [Fact]
        public void With_the_whole_public_set_and_XenAbi_txt_an_unrelated_edit_is_cached_and_a_selection_edit_does_not_reparse()
        {
            var selection = new InMemoryAdditionalText("/p/XenAbi.txt", "grant_entry_v1\nshared_info\n");
            var inputs = GeneratorHarness.ShippedSpecs().Add(selection);
            var compilation = GeneratorHarness.Compilation("class A { int X => 1; }");
            var driver = GeneratorHarness.Driver(inputs).RunGenerators(compilation);
            var tree = compilation.SyntaxTrees.Single();
            driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(0, 0, "// edit\n"))));
            var run = driver.GetRunResult().Results.Single();
            Assert.Null(run.Exception);
            AssertAllCached(run, AllSteps);

            driver = driver.ReplaceAdditionalText(selection, new InMemoryAdditionalText("/p/XenAbi.txt", "grant_entry_v1\nshared_info\nnetif_tx_request\n")).RunGenerators(compilation);
            run = driver.GetRunResult().Results.Single();
            AssertAllCached(run, StepNames.ParseSpec, StepNames.ReadOptions);
            Assert.Contains(run.TrackedSteps[StepNames.LayoutSpecs], s => s.Outputs.Any(o => o.Reason == IncrementalStepRunReason.Modified));
            Assert.Contains(run.TrackedSteps[StepNames.EmitSource], s => s.Outputs.Any(o => o.Reason == IncrementalStepRunReason.Modified));
            Assert.Contains(run.GeneratedSources, g => g.SourceText.ToString().Contains("struct netif_tx_request"));
        }

        [Fact]
        public void Editing_one_spec_reparses_only_that_spec()
        {
            var specs = GeneratorHarness.BuiltInSpecs();
            var compilation = GeneratorHarness.Compilation("class A { }");
            var driver = GeneratorHarness.Driver(specs).RunGenerators(compilation);

            var target = specs.Single(s => s.Path.EndsWith("xen-fifo.abi", StringComparison.Ordinal));
            var changed = new InMemoryAdditionalText(target.Path, target.GetText()!.ToString().Replace("const EVTCHN_FIFO_PRIORITY_DEFAULT = 7;", "const EVTCHN_FIFO_PRIORITY_DEFAULT = 8;"));
            driver = driver.ReplaceAdditionalText(target, changed).RunGenerators(compilation);

            var run = driver.GetRunResult().Results.Single();
            var parse = run.TrackedSteps[StepNames.ParseSpec];
            Assert.Equal(specs.Length, parse.Length);
            int modified = parse.Count(s => s.Outputs.Any(o => o.Reason == IncrementalStepRunReason.Modified));
            int cached = parse.Count(s => s.Outputs.All(o => o.Reason == IncrementalStepRunReason.Cached || o.Reason == IncrementalStepRunReason.Unchanged));
            Assert.Equal(1, modified);
            Assert.Equal(specs.Length - 1, cached);
            Assert.Contains(run.TrackedSteps[StepNames.LayoutSpecs], s => s.Outputs.Any(o => o.Reason == IncrementalStepRunReason.Modified));
            Assert.Contains(run.GeneratedSources, g => g.SourceText.ToString().Contains("EVTCHN_FIFO_PRIORITY_DEFAULT = 8;"));
        }

        [Fact]
        public void Option_change_reemits_but_does_not_relayout()
        {
            var compilation = GeneratorHarness.Compilation("class A { }");
            var driver = GeneratorHarness.Driver(GeneratorHarness.BuiltInSpecs()).RunGenerators(compilation);
            driver = driver.WithUpdatedAnalyzerConfigOptions(new TestOptions(new System.Collections.Generic.Dictionary<string, string>
            {
                ["build_property.EvtchnAbiGenAbis"] = "x86_64;arm64",
            })).RunGenerators(compilation);
            var run = driver.GetRunResult().Results.Single();
            AssertAllCached(run, StepNames.ParseSpec, StepNames.LayoutSpecs, StepNames.CollectDiagnostics);
            Assert.Equal(new[] { "EvtchnAbiGen.Attributes.g.cs", "Xen.Evtchn.Arm64.g.cs", "Xen.Evtchn.Shared.g.cs", "Xen.Evtchn.X86_64.g.cs" },
                run.GeneratedSources.Select(g => g.HintName).OrderBy(x => x, StringComparer.Ordinal).ToArray());
        }

        [Fact]
        public void Pipeline_does_not_keep_old_compilations_alive()
        {
            var driver = GeneratorHarness.Driver(GeneratorHarness.BuiltInSpecs());
            var weak = RunAndForget(ref driver);
            driver = driver.RunGenerators(GeneratorHarness.Compilation("class C { }"));
            for (int i = 0; i < 5 && weak.IsAlive; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            Assert.False(weak.IsAlive, "a pipeline model holds a Compilation (an ISymbol or SyntaxNode leaked in)");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static WeakReference RunAndForget(ref GeneratorDriver driver)
        {
            var c = GeneratorHarness.Compilation("class A { }");
            driver = driver.RunGenerators(c);
            return new WeakReference(c);
        }
    }
}
