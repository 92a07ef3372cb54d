using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EvtchnAbiGen.Core.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace EvtchnAbiGen.Generator.Tests
{
    /// <summary>An analyzer (and code fix) test whose compilation runs the real generator on the built-in Xen
    /// specs, so the analyzers see exactly what a consumer's generated types look like.</summary>
    public sealed class UsageTest<TAnalyzer, TFix> : CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        public const string Usings = "using System.Threading;\nusing Xen.Evtchn;\nusing X64 = Xen.Evtchn.X86_64;\nusing X32 = Xen.Evtchn.X86_32;\n";

        public UsageTest(string code, string? fixedCode = null, string? editorConfig = null)
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            foreach (var r in GeneratorHarness.References) TestState.AdditionalReferences.Add(r);
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck;
            // The built-in specs' own notes (EAG0018 padding, EAG0020 divergence) are not what these tests are about.
            DisabledDiagnostics.AddRange(DiagnosticCatalog.All.Where(d => d.Category == DiagnosticCatalog.SpecCategory).Select(d => d.Id));
            TestCode = Usings + code;
            foreach (var spec in GeneratorHarness.BuiltInSpecs())
                TestState.AdditionalFiles.Add((spec.Path, spec.GetText()!.ToString()));
            // Two ABIs (a 32- and a 64-bit one) keep each test's generated code small.
            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.EvtchnAbiGenAbis = x86_32,x86_64\n"));
            if (editorConfig != null) TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\n" + editorConfig));
            if (fixedCode != null)
            {
                FixedCode = Usings + fixedCode;
                foreach (var spec in GeneratorHarness.BuiltInSpecs())
                    FixedState.AdditionalFiles.Add((spec.Path, spec.GetText()!.ToString()));
            }
            SolutionTransforms.Add((solution, id) =>
            {
                var project = solution.GetProject(id)!;
                return solution
                    .WithProjectCompilationOptions(id, ((CSharpCompilationOptions)project.CompilationOptions!).WithAllowUnsafe(true))
                    .WithProjectParseOptions(id, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Preview));
            });
        }

        protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(EvtchnAbiGenerator) };

        public static DiagnosticResult Diagnostic(DiagnosticInfo info) => new DiagnosticResult(info.Id, Descriptors.ToRoslyn(info.DefaultSeverity));
    }
}
