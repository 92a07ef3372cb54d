using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
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
                ctx.AddSource("EvtchnAbiGen.Attributes.g.cs", SourceText.From(CSharpEmitter.AttributesSource, Encoding.UTF8)));

            var specs = context.AdditionalTextsProvider
                .Where(static t => t.Path.EndsWith(".abi", StringComparison.OrdinalIgnoreCase))
                .Select(static (t, ct) => ParseSafely(t, ct))
                .WithTrackingName(StepNames.ParseSpec);

            var layout = specs.Collect()
                .Select(static (files, ct) => LayoutSafely(files, ct))
                .WithTrackingName(StepNames.LayoutSpecs);

            var options = context.AnalyzerConfigOptionsProvider
                .Select(static (o, _) => ReadOptions(o.GlobalOptions))
                .WithTrackingName(StepNames.ReadOptions);

            var sources = layout.Combine(options)
                .SelectMany(static (pair, ct) => EmitSafely(pair.Left, pair.Right, ct))
                .WithTrackingName(StepNames.EmitSource);

            var diagnostics = layout
                .Select(static (model, _) => model.Diagnostics)
                .WithTrackingName(StepNames.CollectDiagnostics);

            context.RegisterSourceOutput(sources, static (spc, file) =>
                spc.AddSource(file.HintName, SourceText.From(file.Text, Encoding.UTF8)));

            context.RegisterSourceOutput(diagnostics, static (spc, list) =>
            {
                foreach (var d in list) spc.ReportDiagnostic(ToRoslyn(d));
            });
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
                    new[] { Internal(text.Path, ex) }.ToEquatableArray());
            }
        }

        private static SpecSetModel LayoutSafely(ImmutableArray<SpecFile> files, CancellationToken ct)
        {
            try
            {
                // Sort so that the result does not depend on the order Roslyn hands files over.
                var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
                var result = LayoutEngine.Run(ordered, AbiTarget.All, ct);
                // Files with errors still get diagnostics, but no half-right types.
                var abis = result.HasErrors ? EquatableArray<AbiLayout>.Empty : result.Abis;
                return new SpecSetModel(abis, result.Diagnostics, Portability.Compute(abis.ToList()));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new SpecSetModel(EquatableArray<AbiLayout>.Empty, new[] { Internal(files.FirstOrDefault()?.Path ?? "", ex) }.ToEquatableArray(),
                    EquatableArray<PortableRecord>.Empty);
            }
        }

        private static ImmutableArray<GeneratedFile> EmitSafely(SpecSetModel model, GeneratorOptions options, CancellationToken ct)
        {
            var builder = ImmutableArray.CreateBuilder<GeneratedFile>();
            foreach (var abi in model.Abis)
            {
                ct.ThrowIfCancellationRequested();
                if (!options.Wants(abi.Target.Name)) continue;
                try
                {
                    builder.Add(new GeneratedFile(CSharpEmitter.HintName(abi), CSharpEmitter.Emit(abi, options, model.Portability)));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    builder.Add(new GeneratedFile(CSharpEmitter.HintName(abi), "// EvtchnAbiGen internal error: " + ex.GetType().Name + ": " + ex.Message.Replace('\n', ' ') + "\n"));
                }
            }
            return builder.ToImmutable();
        }

        private static GeneratorOptions ReadOptions(AnalyzerConfigOptions options)
        {
            string visibility = options.TryGetValue("build_property.EvtchnAbiGenVisibility", out var v) && v.Trim() == "internal" ? "internal" : "public";
            var abis = options.TryGetValue("build_property.EvtchnAbiGenAbis", out var a) && !string.IsNullOrWhiteSpace(a)
                ? a.Split(new[] { ';', ',', ' ' }, StringSplitOptions.RemoveEmptyEntries).ToEquatableArray()
                : EquatableArray<string>.Empty;
            return new GeneratorOptions(visibility, abis);
        }

        private static SpecDiagnostic Internal(string path, Exception ex)
            => new SpecDiagnostic(DiagnosticIds.InternalError, SpecSeverity.Error,
                $"EvtchnAbiGen failed on this spec ({ex.GetType().Name}: {ex.Message}); please report it with the spec attached",
                SpecLocation.None(path));

        private static Diagnostic ToRoslyn(SpecDiagnostic d)
        {
            var l = d.Location;
            var location = l.Path.Length == 0
                ? Location.None
                : Location.Create(l.Path, new TextSpan(l.Start, l.Length),
                    new LinePositionSpan(new LinePosition(l.Line, l.Column), new LinePosition(l.EndLine, l.EndColumn)));
            return Diagnostic.Create(Descriptors.For(d.Id), location, d.Message);
        }
    }
}
