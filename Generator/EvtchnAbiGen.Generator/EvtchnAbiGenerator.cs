using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using EvtchnAbiGen.Core.Contract;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Emit;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Spec;
using EvtchnAbiGen.Core.Util;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EvtchnAbiGen.Generator
{
    /// <summary>Compiles *.abi AdditionalFiles into per-ABI C# types. Only wiring lives here:
    /// parse (per file) → layout (all files, every ABI) → emit (per ABI). Models are records with
    /// value equality and hold no symbols or syntax.</summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class EvtchnAbiGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            context.RegisterPostInitializationOutput(ctx =>
                ctx.AddSource("EvtchnAbiGen.Attributes.g.cs", SourceText.From(GeneratedContract.AttributesSource, Encoding.UTF8)));

            var specs = context.AdditionalTextsProvider
                .Where(static t => t.Path.EndsWith(".abi", StringComparison.OrdinalIgnoreCase))
                .Select(static (t, ct) => ParseSafely(t, ct))
                .WithTrackingName(StepNames.ParseSpec);

            var options = context.AnalyzerConfigOptionsProvider
                .Select(static (o, _) => GeneratorOptionsReader.Read(o.GlobalOptions))
                .WithTrackingName(StepNames.ReadOptions);

            // XenAbi.txt (as CsWin32's NativeMethods.txt): the records, constants and spec groups to emit.
            var selection = context.AdditionalTextsProvider
                .Where(static t => string.Equals(System.IO.Path.GetFileName(t.Path), NameSelection.FileName, StringComparison.OrdinalIgnoreCase))
                .Select(static (t, ct) => NameSelection.Parse(t.Path, t.GetText(ct)?.ToString() ?? ""))
                .Collect()
                .Select(static (all, _) => new NameSelection(all.SelectMany(s => s.Names).ToEquatableArray()))
                .WithTrackingName(StepNames.ReadSelection);

            // Every step hands on a class, and every Combine pairs two classes: Roslyn's node tables are generic over
            // a step's value, and each value type (a tuple of tuples, a bool, a struct array) costs its own set of
            // JIT-compiled instantiations on a build's first run, where reference types share one.

            // The selection goes into layout: an on_demand file's declarations are laid out only when asked for or used.
            var layout = specs.Collect().Combine(selection)
                .Select(static (pair, ct) => LayoutSafely(pair.Left, pair.Right, ct))
                .WithTrackingName(StepNames.LayoutSpecs);

            // Inline arrays came with .NET 8: below it, one clear error instead of a wall of CS errors.
            var settings = options.Combine(context.CompilationProvider)
                .Select(static (pair, _) => new EmitSettings(pair.Left,
                    pair.Right.GetTypeByMetadataName("System.Runtime.CompilerServices.InlineArrayAttribute") != null))
                .WithTrackingName(StepNames.CheckFramework);

            var emitted = layout.Combine(settings)
                .Select(static (pair, ct) => pair.Right.FrameworkHasInlineArrays
                    ? EmitSafely(pair.Left, pair.Right.Options, ct)
                    : TooOld(pair.Left, pair.Right.Options))
                .WithTrackingName(StepNames.EmitSource);

            var sources = emitted.SelectMany(static (e, _) => e.Files);

            var diagnostics = layout
                .Select(static (model, _) => new DiagnosticBatch(model.Diagnostics))
                .WithTrackingName(StepNames.CollectDiagnostics);

            context.RegisterSourceOutput(sources, static (spc, file) =>
                spc.AddSource(file.HintName, SourceText.From(file.Text, Encoding.UTF8)));

            context.RegisterSourceOutput(diagnostics, static (spc, batch) => Report(spc, batch.List));
            context.RegisterSourceOutput(options, static (spc, o) => Report(spc, o.Diagnostics));
            context.RegisterSourceOutput(emitted, static (spc, e) => Report(spc, e.Diagnostics));
        }

        private static SpecFile ParseSafely(AdditionalText text, CancellationToken ct)
        {
            try
            {
                var source = text.GetText(ct)?.ToString() ?? "";
                return Parser.Parse(text.Path, source);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new SpecFile(text.Path, null, null, EquatableArray<Item>.Empty,
                    new[] { Internal(text.Path, "reading this spec", ex) }.ToEquatableArray());
            }
        }

        private static SpecSetModel LayoutSafely(ImmutableArray<SpecFile> files, NameSelection selection, CancellationToken ct)
        {
            try
            {
                // Sort so that the result does not depend on the order Roslyn hands files over.
                var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
                var sets = new System.Collections.Generic.List<NamespaceSet>();
                var diagnostics = new System.Collections.Generic.List<SpecDiagnostic>();
                diagnostics.AddRange(selection.UnknownNames(ordered));
                foreach (var result in LayoutEngine.RunByNamespace(ordered, AbiTarget.All, ct, selection))
                {
                    // A spec set with errors still gets diagnostics, but no half-right types.
                    var abis = result.HasErrors ? EquatableArray<AbiLayout>.Empty : result.Abis;
                    sets.Add(new NamespaceSet(abis, Portability.Compute(abis.ToList())));
                    diagnostics.AddRange(result.Diagnostics);
                }
                return new SpecSetModel(sets.ToEquatableArray(), diagnostics.ToEquatableArray(), selection);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new SpecSetModel(EquatableArray<NamespaceSet>.Empty,
                    new[] { Internal(files.FirstOrDefault()?.Path ?? "", "laying out the specs", ex) }.ToEquatableArray(), selection);
            }
        }

        internal static EmitResult EmitSafely(SpecSetModel model, OptionsResult options, CancellationToken ct)
        {
            var files = new System.Collections.Generic.List<GeneratedFile>();
            var diagnostics = new System.Collections.Generic.List<SpecDiagnostic>();
            var selection = model.Selection;
            foreach (var set in model.Sets)
            {
                // Only what XenAbi.txt asks for and what it uses; without the file, everything.
                var wanted = set.Abis.Where(a => options.Wants(a.Target.Name)).Select(a => selection.Apply(a)).ToList();
                if (wanted.Count == 0) continue;
                string specNamespace = wanted[0].Namespace;
                try
                {
                    // The helper types every ABI shares, once per spec namespace (it encloses the ABIs' namespaces).
                    files.Add(new GeneratedFile(CSharpEmitter.SharedHintName(specNamespace), CSharpEmitter.EmitShared(specNamespace, options.Options)));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    diagnostics.Add(Internal("", $"emitting the shared helper types of {specNamespace}", ex));
                }
                foreach (var abi in wanted)
                {
                    ct.ThrowIfCancellationRequested();
                    try
                    {
                        files.Add(new GeneratedFile(CSharpEmitter.HintName(abi), CSharpEmitter.Emit(abi, options.Options, set.Portability)));
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // No half-written file: the failure is a diagnostic, not a comment in the output.
                        diagnostics.Add(Internal("", $"emitting the {abi.Target.Name} types", ex));
                    }
                }
            }
            return new EmitResult(files.ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        private static EmitResult TooOld(SpecSetModel model, OptionsResult options)
            => new EmitResult(EquatableArray<GeneratedFile>.Empty, model.Sets.Any(s => s.Abis.Count > 0)
                ? new[] { SpecDiagnostic.Create(DiagnosticCatalog.FrameworkTooOld, SpecLocation.None(""), ".NET 8",
                    "System.Runtime.CompilerServices.InlineArrayAttribute",
                    options.TargetFramework.Length > 0 ? options.TargetFramework : "a framework without it") }.ToEquatableArray()
                : EquatableArray<SpecDiagnostic>.Empty);

        private static void Report(SourceProductionContext spc, EquatableArray<SpecDiagnostic> list)
        {
            foreach (var d in list) spc.ReportDiagnostic(ToRoslyn(d));
        }

        internal static SpecDiagnostic Internal(string path, string step, Exception ex)
            => SpecDiagnostic.Create(DiagnosticCatalog.InternalError, SpecLocation.None(path), step, ex.GetType().Name, ex.Message.Replace('\n', ' '));

        private static Diagnostic ToRoslyn(SpecDiagnostic d)
        {
            var l = d.Location;
            var location = l.Path.Length == 0
                ? Location.None
                : Location.Create(l.Path, new TextSpan(l.Start, l.Length),
                    new LinePositionSpan(new LinePosition(l.Line, l.Column), new LinePosition(l.EndLine, l.EndColumn)));
            var args = d.FormatArguments;
            var objs = new object[args.Count];
            for (int i = 0; i < objs.Length; i++) objs[i] = args[i];
            return Diagnostic.Create(Descriptors.For(d.Id), location, objs);
        }
    }
}
