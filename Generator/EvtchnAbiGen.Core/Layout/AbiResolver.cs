using System.Collections.Generic;
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

        public AbiLayout Run(string ns)
        {
            _cx.Declarations.DeclareAll(_files);
            var constants = new List<ConstantValue>();
            var records = new List<RecordLayout>();
            var words = new List<WordLayout>();
            foreach (var item in _cx.Declarations.Order)
            {
                _cx.Cancellation.ThrowIfCancellationRequested();
                switch (item)
                {
                    case ConstDecl c when _cx.Constants.EvalConst(c.Name) is long v:
                        constants.Add(new ConstantValue(c.Name, v, c.Location, c.Doc));
                        break;
                    case RecordDecl r when _cx.Records.GetRecord(r.Name) is RecordLayout rl:
                        records.Add(rl);
                        break;
                    case WordDecl w when _cx.Words.LayoutWord(w) is WordLayout wl:
                        words.Add(wl);
                        break;
                    case TypedefDecl td:
                        _cx.Types.Resolve(new TypeRef(td.Name, null, td.Location));
                        break;
                }
            }
            return new AbiLayout(_cx.Target, ns, records.ToEquatableArray(), constants.ToEquatableArray(), words.ToEquatableArray());
        }
    }
}
