using System.Collections.Generic;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Spec;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Core.Layout
{
    /// <summary>A C enum's values and the integer type GCC and clang give it on these ABIs (no -fshort-enums, as the
    /// Linux psABIs have it): unsigned int when no value is negative and all fit 32 bits, int when some are negative
    /// and all fit int; otherwise an 8-byte integer (unsigned long long or long long; GNU C), which is 4-aligned in
    /// structs on x86_32 like every 8-byte integer there.</summary>
    internal sealed class EnumLayouter
    {
        private readonly AbiContext _cx;
        private readonly Dictionary<string, EnumLayout?> _done = new Dictionary<string, EnumLayout?>();

        public EnumLayouter(AbiContext cx) => _cx = cx;

        /// <summary>The enum's layout if it has been laid out (asked for, or used by a record that was), else null.</summary>
        public EnumLayout? Done(string name) => _done.TryGetValue(name, out var done) ? done : null;

        public EnumLayout? GetEnum(EnumDecl e)
        {
            if (_done.TryGetValue(e.Name, out var done)) return done;
            _done[e.Name] = null;   // an enumerator that takes sizeof(this enum) is a cycle, reported by the evaluator
            if (e.Members.Count == 0)
            {
                _cx.Error(DiagnosticIds.BadEnum, e.Location, $"enum {e.Name} has no enumerators; C requires at least one");
                return null;
            }
            var values = new List<EnumeratorValue>();
            long min = long.MaxValue, max = long.MinValue;
            foreach (var m in e.Members)
            {
                // Through the declared constant: a duplicate enumerator name was reported where it was declared.
                if (!_cx.Declarations.EnumOf.TryGetValue(m.Name, out var owner) || owner != e) continue;
                if (_cx.Constants.EvalConst(m.Name) is not long v) return null;
                values.Add(new EnumeratorValue(m.Name, v, m.Location, m.Doc));
                if (v < min) min = v;
                if (v > max) max = v;
            }
            bool signed = min < 0;
            bool wide = signed ? min < int.MinValue || max > int.MaxValue : max > uint.MaxValue;
            int size = wide ? 8 : 4;
            int align = wide ? _cx.Target.Int64Align : 4;
            var layout = new EnumLayout(e.Name, size, align, signed, values.ToEquatableArray(), e.Location, e.Doc);
            _done[e.Name] = layout;
            return layout;
        }
    }
}
