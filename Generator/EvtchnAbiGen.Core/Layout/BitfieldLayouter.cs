using System.Collections.Generic;
using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Spec;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Core.Layout
{
    /// <summary>Checks a bitfield member on one ABI and gives its integer type and width; <see cref="RecordCursor"/>
    /// places it. A bitfield must be one integer (no record, pointer, handle, array or shared word), its width a constant
    /// expression from 1 (0 for an unnamed one) to its type's bits, and it takes no shared, bitmap or align.</summary>
    internal sealed class BitfieldLayouter
    {
        private readonly AbiContext _cx;

        public BitfieldLayouter(AbiContext cx) => _cx = cx;

        public (TypeInfo Type, int Width)? Resolve(FieldMember fm)
        {
            string name = fm.Name ?? "(unnamed)";
            var ti = _cx.Types.Resolve(fm.Type);
            if (ti == null) return null;
            if (fm.Dimensions.Count > 0)
            {
                _cx.Error(DiagnosticIds.BadBitfieldType, fm.Dimensions[0].Location,
                    $"bitfield '{name}' is declared as an array; C has no arrays of bitfields: drop the dimensions, or declare one bitfield per element");
                return null;
            }
            string? notInteger = ti.Value.Type.Kind != FieldTypeKind.Integer ? "a struct or union"
                : ti.Value.IsPointer ? (fm.Type.Name == "handle" ? "a guest handle" : "a pointer")
                : IsSharedWord(ti.Value.Type) ? "a word shared with Xen, which only atomic operations may touch" : null;
            if (notInteger != null)
            {
                _cx.Error(DiagnosticIds.BadBitfieldType, fm.Type.Location,
                    $"bitfield '{name}' has type '{fm.Type}', {notInteger}; a bitfield needs an integer type (uint8_t..int64_t, ulong, long, or a typedef or word of one)");
                return null;
            }
            if (!CheckAttributes(fm, name)) return null;

            var width = fm.BitWidth!;
            if (!OnlyConstants(width, name)) return null;
            var v = _cx.Constants.Eval(width);
            if (v == null) return null;
            int bits = ti.Value.Size * 8;
            string? rule = v.Value < 0 ? "a width is 0 or more (0 only for an unnamed bitfield)"
                : v.Value == 0 && fm.Name != null ? "only an unnamed bitfield may be 0 bits wide ('uint32_t : 0;' starts the next storage unit): give it 1 or more bits, or drop the name"
                : v.Value > bits ? $"a bitfield of {fm.Type} holds at most {bits} bits: widen the type or narrow the field"
                : null;
            if (rule != null)
            {
                _cx.Report(SpecDiagnostic.Create(DiagnosticCatalog.BadBitWidth, width.Location, name, AbiContext.Num(v.Value), rule));
                return null;
            }
            return (ti.Value, (int)v.Value);
        }

        private bool IsSharedWord(FieldType t)
            => t.WordName != null && _cx.Declarations.Types.TryGetValue(t.WordName, out var d) && d is WordDecl { Shared: true };

        /// <summary>shared and bitmap promise atomic access to a word, which a bitfield's read-modify-write of the bytes it
        /// shares with its neighbours is not; align(N) on a bitfield means different things to different compilers.</summary>
        private bool CheckAttributes(FieldMember fm, string name)
        {
            var attrs = fm.Attributes;
            string? why = attrs.Has(FieldFlags.Bitmap)
                    ? "'bitmap' needs an array of 32- or 64-bit words"
                : attrs.Has(FieldFlags.Shared)
                    ? "'shared' promises atomic access, and a bitfield is written by a plain read-modify-write of the bytes it shares with its neighbours; for shared memory declare a 'word' with named bit ranges"
                : attrs.Align != null
                    ? "align(N) on a bitfield means different things to different compilers and ABIs; start a new storage unit with an unnamed zero-width bitfield ('uint32_t : 0;') or align the next ordinary field"
                : null;
            if (why == null) return true;
            _cx.Error(DiagnosticIds.BadAttribute, fm.Location, $"bitfield '{name}' cannot take this attribute: {why}");
            return false;
        }

        /// <summary>C requires an integer constant expression; here that means no name but a spec constant.</summary>
        private bool OnlyConstants(Expr e, string name)
        {
            foreach (var n in Names(e))
            {
                if (_cx.Declarations.Consts.ContainsKey(n.Name)) continue;
                bool isType = _cx.Declarations.Types.ContainsKey(n.Name) || TypeResolver.IsBuiltin(n.Name);
                _cx.Error(DiagnosticIds.BitWidthNotConstant, n.Location, isType
                    ? $"the width of bitfield '{name}' must be a constant expression, and '{n.Name}' is a type; for its size in bits write sizeof({n.Name}) * 8"
                    : $"the width of bitfield '{name}' must be a constant expression, and '{n.Name}' is not a constant{DidYouMean.Suggest(n.Name, _cx.Declarations.Consts.Keys)}");
                return false;
            }
            return true;
        }

        private static IEnumerable<NameExpr> Names(Expr e) => e switch
        {
            NameExpr n => new[] { n },
            UnaryExpr u => Names(u.Operand),
            BinaryExpr b => Names(b.Left).Concat(Names(b.Right)),
            _ => Enumerable.Empty<NameExpr>(),
        };
    }
}
