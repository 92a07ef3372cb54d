using System.Collections.Generic;
using System.Linq;
using System.Threading;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Spec;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Core.Layout
{
    /// <summary>The result of laying out a set of spec files for some ABIs.</summary>
    public sealed record LayoutResult(string Namespace, EquatableArray<AbiLayout> Abis, EquatableArray<SpecDiagnostic> Diagnostics)
    {
        public bool HasErrors => Diagnostics.Any(d => d.Severity == SpecSeverity.Error);

        public AbiLayout? Find(string abi) => Abis.FirstOrDefault(a => a.Target.Name == abi);

        /// <summary>The C headers and defines the spec files name ('header', 'define'), for the verifier.</summary>
        public EquatableArray<string> CHeaders { get; init; } = EquatableArray<string>.Empty;

        public EquatableArray<string> CDefines { get; init; } = EquatableArray<string>.Empty;
    }

    /// <summary>The one layout engine: C layout rules applied per ABI from the <see cref="AbiTarget"/> table.
    /// Pure: same input, same output; never throws on bad specs.</summary>
    public static class LayoutEngine
    {
        /// <summary>The largest record we lay out: .NET limits an [InlineArray] to 1 MiB, and no Xen
        /// shared structure comes close (the biggest, a 3-level bitmap, is 32 KiB).</summary>
        public const int MaxRecordSize = 1 << 20;

        public const string DefaultNamespace = "EvtchnAbi";

        /// <summary>Lays out <paramref name="files"/>. With a <paramref name="selection"/> (the generator's XenAbi.txt, or
        /// <see cref="NameSelection.Everything"/> without one), the declarations of 'on_demand' files are laid out only
        /// when selected or used by what is: what the emitter would drop is not computed. Without one (layout, verify),
        /// everything is.</summary>
        public static LayoutResult Run(IReadOnlyList<SpecFile> files, IReadOnlyList<AbiTarget>? targets = null,
            CancellationToken cancellationToken = default, NameSelection? selection = null)
        {
            var diagnostics = new List<SpecDiagnostic>();
            foreach (var f in files) diagnostics.AddRange(f.Diagnostics);
            string ns = PickNamespace(files, diagnostics);

            var abis = new List<AbiLayout>();
            var infos = files.Select(f => new SpecFileInfo(f.Path, f.OnDemand, f.ImportedFrom)).ToEquatableArray();
            var onDemand = new HashSet<string>(files.Where(f => f.OnDemand).Select(f => f.Path), System.StringComparer.Ordinal);
            var selects = selection?.Matcher();
            System.Func<Item, bool>? onlyIfUsed = selects == null || onDemand.Count == 0
                ? null
                : item => onDemand.Contains(item.Location.Path) && !(item switch
                {
                    EnumDecl e => NameSelection.SelectsAny(selects, e.Name, e.Members.Select(m => m.Name), e.Location.Path),
                    RecordDecl r => NameSelection.SelectsRecord(selects, r.Name, r.Ring, r.Location.Path),
                    TypedefDecl => false,
                    _ => selects(Declarations.NameOf(item), item.Location.Path),
                });
            foreach (var target in targets ?? AbiTarget.All)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var resolver = new AbiResolver(target, files, diagnostics, cancellationToken);
                abis.Add(resolver.Run(ns, onlyIfUsed) with { Files = infos });
            }
            ReportPadding(abis, diagnostics);
            diagnostics.AddRange(Divergence.Report(abis));
            return new LayoutResult(ns, abis.ToEquatableArray(), Dedupe(diagnostics).ToEquatableArray())
            {
                CHeaders = files.SelectMany(f => f.CHeaders).Distinct().ToEquatableArray(),
                CDefines = files.SelectMany(f => f.CDefines).Distinct().ToEquatableArray(),
            };
        }

        /// <summary>Lays out each namespace's spec files as its own spec set, so a project's own specs
        /// (namespace My.Abi;) sit beside the built-in Xen specs. A file without 'namespace' joins the one
        /// namespace the others declare, or the default namespace when they declare several. Sets cannot
        /// refer to each other's declarations.</summary>
        public static IReadOnlyList<LayoutResult> RunByNamespace(IReadOnlyList<SpecFile> files, IReadOnlyList<AbiTarget>? targets = null,
            CancellationToken cancellationToken = default, NameSelection? selection = null)
        {
            var declared = files.Where(f => f.Namespace != null).Select(f => f.Namespace!).Distinct().ToList();
            string unnamed = declared.Count == 1 ? declared[0] : DefaultNamespace;
            return files
                .GroupBy(f => f.Namespace ?? unnamed)
                .OrderBy(g => g.Key, System.StringComparer.Ordinal)
                .Select(g => Run(g.ToList(), targets, cancellationToken, selection))
                .ToList();
        }

        private static string PickNamespace(IReadOnlyList<SpecFile> files, List<SpecDiagnostic> diagnostics)
        {
            string? ns = null;
            string? nsPath = null;
            foreach (var f in files.OrderBy(f => f.Path, System.StringComparer.Ordinal))
            {
                if (f.Namespace == null) continue;
                if (ns == null)
                {
                    ns = f.Namespace;
                    nsPath = f.Path;
                }
                else if (ns != f.Namespace)
                {
                    diagnostics.Add(new SpecDiagnostic(DiagnosticIds.NamespaceMismatch, $"namespace '{f.Namespace}' differs from '{ns}' declared in {nsPath}; a layout or verify run takes one namespace (the generator lays out each namespace on its own): pass the files of one namespace",
                        f.NamespaceLocation ?? SpecLocation.None(f.Path)));
                }
            }
            return ns ?? DefaultNamespace;
        }

        /// <summary>One implicit-padding note per struct, listing the ABIs it applies to (zerocopy style:
        /// the numbers and the fix are in the message).</summary>
        private static void ReportPadding(List<AbiLayout> abis, List<SpecDiagnostic> diagnostics)
        {
            var groups = abis
                .SelectMany(a => a.Records.Where(r => r.Padding.Count > 0).Select(r => (abi: a.Target.Name, record: r)))
                .GroupBy(x => x.record.Name);
            foreach (var g in groups)
            {
                var parts = g.GroupBy(x => string.Join(", ", x.record.Padding.Select(p => $"{p.Length} byte(s) at offset {p.Offset}")))
                    .Select(pg => $"{pg.Key} on {SpecDiagnostic.AbiList(pg.Select(x => x.abi))}");
                var first = g.First().record;
                diagnostics.Add(SpecDiagnostic.Create(DiagnosticCatalog.ImplicitPadding, first.Location,
                    first.IsUnion ? "union" : "struct", first.Name, string.Join("; ", parts)));
            }
        }

        /// <summary>Drops repeats and merges a diagnostic that several ABIs raise with the same arguments
        /// into one that holds on all of them.</summary>
        private static IEnumerable<SpecDiagnostic> Dedupe(List<SpecDiagnostic> diagnostics)
        {
            // Keyed by the diagnostic without its ABIs (a record: value equality over id, location and arguments).
            var merged = new Dictionary<SpecDiagnostic, List<string>>();
            var order = new List<SpecDiagnostic>();
            foreach (var d in diagnostics)
            {
                var key = d with { Abis = EquatableArray<string>.Empty };
                if (!merged.TryGetValue(key, out var abis))
                {
                    merged[key] = abis = new List<string>();
                    order.Add(key);
                }
                abis.AddRange(d.Abis.Where(a => !abis.Contains(a)));
            }
            foreach (var key in order)
            {
                var abis = merged[key];
                var byTable = AbiTarget.All.Select(t => t.Name).Where(abis.Contains);
                yield return key with { Abis = byTable.ToEquatableArray() };
            }
        }
    }
}
