using System.Collections.Generic;
using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Spec;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Core.Layout
{
    /// <summary>A spec 'word': an integer with named bits and bit ranges, checked to fit, not to overlap, and
    /// (for guarded bits) to name another single bit.</summary>
    internal sealed class WordLayouter
    {
        private readonly AbiContext _cx;

        public WordLayouter(AbiContext cx) => _cx = cx;

        public WordLayout? LayoutWord(WordDecl w)
        {
            var ti = _cx.Types.Resolve(new TypeRef(w.Name, null, w.Location));
            if (ti == null) return null;
            int width = ti.Value.Size * 8;
            var bits = new List<WordBitLayout>();
            ulong used = 0;
            var seen = new HashSet<string>();
            foreach (var b in w.Bits)
            {
                var lo = _cx.Constants.Eval(b.Low);
                var hi = b.High == null ? lo : _cx.Constants.Eval(b.High);
                if (lo == null || hi == null) continue;
                if (!seen.Add(b.Name))
                {
                    _cx.Error(DiagnosticIds.BadBit, b.Location, $"bit name '{b.Name}' appears twice in word {w.Name}");
                    continue;
                }
                if (lo < 0 || hi >= width || hi < lo)
                {
                    _cx.Error(DiagnosticIds.BadBit, b.Location,
                        $"bits {lo}..{hi} of '{b.Name}' do not fit the {width}-bit word {w.Name}; use 0..{width - 1} with low <= high");
                    continue;
                }
                var bl = new WordBitLayout(b.Name, (int)lo.Value, (int)hi.Value, b.Doc, b.GuardedBy);
                if ((used & bl.Mask) != 0)
                {
                    _cx.Error(DiagnosticIds.BadBit, b.Location, $"'{b.Name}' (bits {lo}..{hi}) overlaps another field of word {w.Name}");
                    continue;
                }
                used |= bl.Mask;
                bits.Add(bl);
            }
            foreach (var b in w.Bits.Where(b => b.GuardedBy != null))
            {
                var guard = bits.FirstOrDefault(x => x.Name == b.GuardedBy);
                if (guard == null || guard.Width != 1 || b.High != null)
                    _cx.Error(DiagnosticIds.BadBit, b.Location,
                        $"guarded({b.GuardedBy}) on '{b.Name}' needs '{b.Name}' to be one bit and '{b.GuardedBy}' to be another single bit of word {w.Name}");
            }
            return new WordLayout(w.Name, ti.Value.Size, w.Shared, bits.ToEquatableArray(), w.Location, w.Doc);
        }
    }
}
