using System;
using System.Collections.Generic;
using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Spec;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Core.Layout
{
    /// <summary>Constant expressions in 64-bit signed arithmetic, with sizeof/alignof of this ABI's types;
    /// each named constant evaluated once, cycles and overflow reported where they are.</summary>
    internal sealed class ConstantEvaluator
    {
        private readonly AbiContext _cx;
        // Boxed values (null when the constant failed): a Dictionary of long? is a value-type instantiation,
        // JIT-compiled on a build's first run (docs/performance.md).
        private readonly Dictionary<string, object?> _values = new Dictionary<string, object?>();
        private readonly List<string> _evaluating = new List<string>();

        public ConstantEvaluator(AbiContext cx) => _cx = cx;

        public long? EvalConst(string name)
        {
            if (_values.TryGetValue(name, out var known)) return (long?)known;
            var decl = _cx.Declarations.Consts[name];
            if (_evaluating.Contains(name))
            {
                int start = _evaluating.IndexOf(name);
                string path = string.Join(" -> ", _evaluating.Skip(start).Concat(new[] { name }));
                _cx.Error(DiagnosticIds.CyclicConstant, decl.Location, $"constant '{name}' depends on itself ({path}); break the cycle");
                return null;
            }
            _evaluating.Add(name);
            long? value = Eval(decl.Value);
            _evaluating.RemoveAt(_evaluating.Count - 1);
            if (!_values.ContainsKey(name)) _values[name] = value;
            return (long?)_values[name];
        }

        public long? Eval(Expr e)
        {
            switch (e)
            {
                case IntLiteral lit:
                    return lit.Value;
                case NameExpr n:
                    if (_cx.Declarations.Consts.ContainsKey(n.Name)) return EvalConst(n.Name);
                    _cx.Error(DiagnosticIds.UnknownConstant, n.Location, $"unknown constant '{n.Name}'{DidYouMean.Suggest(n.Name, _cx.Declarations.Consts.Keys)}");
                    return null;
                case SizeOfExpr s:
                    var ti = _cx.Types.Resolve(s.Type);
                    if (ti == null) return null;
                    return s.IsAlignOf ? ti.Value.Align : ti.Value.Size;
                case UnaryExpr u:
                    var x = Eval(u.Operand);
                    if (x == null) return null;
                    return u.Op switch { "-" => Checked(u, () => checked(-x.Value)), "~" => ~x.Value, _ => x };
                case BinaryExpr b:
                    var l = Eval(b.Left);
                    var r = Eval(b.Right);
                    if (l == null || r == null) return null;
                    return EvalBinary(b, l.Value, r.Value);
                default:
                    return null;
            }
        }

        private long? EvalBinary(BinaryExpr b, long l, long r)
        {
            switch (b.Op)
            {
                case "+": return Checked(b, () => checked(l + r));
                case "-": return Checked(b, () => checked(l - r));
                case "*": return Checked(b, () => checked(l * r));
                case "/":
                case "%":
                    if (r == 0)
                    {
                        _cx.Error(DiagnosticIds.BadExpression, b.Location, $"division by zero in constant expression ({l} {b.Op} 0)");
                        return null;
                    }
                    return b.Op == "/" ? l / r : l % r;
                case "<<":
                case ">>":
                    if (r < 0 || r > 63)
                    {
                        _cx.Error(DiagnosticIds.BadExpression, b.Location, $"shift count {r} is out of range 0..63");
                        return null;
                    }
                    if (b.Op == ">>") return l >> (int)r;
                    long shifted = l << (int)r;
                    if ((shifted >> (int)r) != l)
                    {
                        _cx.Error(DiagnosticIds.BadExpression, b.Location, $"{l} << {r} overflows a 64-bit signed integer");
                        return null;
                    }
                    return shifted;
                case "&": return l & r;
                case "|": return l | r;
                case "^": return l ^ r;
                default: return null;
            }
        }

        private long? Checked(Expr at, Func<long> f)
        {
            try
            {
                return f();
            }
            catch (OverflowException)
            {
                _cx.Error(DiagnosticIds.BadExpression, at.Location, "constant expression overflows a 64-bit signed integer");
                return null;
            }
        }
    }
}
