using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Spec;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Core.Layout
{
    /// <summary>One ABI's layout of a spec set: declare what its 'when' blocks select (Declarations), then, in
    /// declaration order, evaluate constants (ConstantEvaluator), lay out records (RecordLayouter, types through
    /// TypeResolver) and words (WordLayouter). The parts share one per-ABI context.</summary>
    internal sealed class AbiResolver
    {
        private readonly IReadOnlyList<SpecFile> _files;
        private readonly AbiContext _cx;

        public AbiResolver(AbiTarget target, IReadOnlyList<SpecFile> files, List<SpecDiagnostic> diagnostics, CancellationToken ct)
        {
            _files = files;
            _cx = new AbiContext(target, diagnostics, ct);
        }

        /// <summary>Lays out what this ABI declares. An item for which <paramref name="onlyIfUsed"/> says true (one of an
        /// 'on_demand' file that no XenAbi.txt name asks for) is laid out only when a laid-out item uses it, so that a
        /// ten-record selection from the whole public ABI does not lay out four hundred records to emit ten.</summary>
        public AbiLayout Run(string ns, Func<Item, bool>? onlyIfUsed = null)
        {
            _cx.Declarations.DeclareAll(_files);
            var constants = new List<ConstantValue>();
            var words = new Dictionary<string, WordLayout?>(StringComparer.Ordinal);
            foreach (var item in _cx.Declarations.Order)
            {
                _cx.Cancellation.ThrowIfCancellationRequested();
                if (onlyIfUsed != null && onlyIfUsed(item)) continue;
                switch (item)
                {
                    case ConstDecl c when _cx.Constants.EvalConst(c.Name) is long v:
                        constants.Add(new ConstantValue(c.Name, v, c.Location, c.Doc));
                        break;
                    case RecordDecl r:
                        _cx.Records.GetRecord(r.Name);
                        break;
                    case WordDecl w:
                        words[w.Name] = _cx.Words.LayoutWord(w);
                        break;
                    case EnumDecl e:
                        _cx.Enums.GetEnum(e);
                        break;
                    case TypedefDecl td:
                        _cx.Types.Resolve(new TypeRef(td.Name, null, td.Location));
                        break;
                }
            }
            // In declaration order: every record and enum laid out, whether asked for or used by one that was; the words
            // laid out above, and those the records use that were skipped (laid out now).
            var records = new List<RecordLayout>();
            var enums = new List<EnumLayout>();
            foreach (var item in _cx.Declarations.Order)
            {
                if (item is RecordDecl r && _cx.Records.Done(r.Name) is RecordLayout rl) records.Add(rl);
                else if (item is EnumDecl e && _cx.Enums.Done(e.Name) is EnumLayout el) enums.Add(el);
            }
            var used = onlyIfUsed == null ? null
                : new HashSet<string>(records.SelectMany(r => r.Uses()).Where(u => u.Kind == UseKind.Word).Select(u => u.Name), StringComparer.Ordinal);
            var wordList = new List<WordLayout>();
            foreach (var item in _cx.Declarations.Order)
            {
                if (item is not WordDecl w) continue;
                var wl = words.TryGetValue(w.Name, out var done) ? done : used!.Contains(w.Name) ? _cx.Words.LayoutWord(w) : null;
                if (wl != null) wordList.Add(wl);
            }
            return new AbiLayout(_cx.Target, ns, records.ToEquatableArray(), constants.ToEquatableArray(), wordList.ToEquatableArray())
            {
                Enums = enums.ToEquatableArray(),
            };
        }
    }
}
