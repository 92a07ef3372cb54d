using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Spec;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Core.Layout
{
    /// <summary>Resolves names, evaluates constants and lays out records for one ABI.</summary>
    internal sealed class AbiResolver
    {
        /// <summary>Types the emitter adds to each ABI namespace; spec types must not take these names.</summary>
        private static readonly string[] GeneratedNames = { "Constants", "AbiManifest", "SharedU8", "SharedU16", "SharedU32", "SharedU64", "WordRangeUpdate" };

        private readonly AbiTarget _t;
        private readonly IReadOnlyList<SpecFile> _files;
        private readonly List<SpecDiagnostic> _diags;
        private readonly CancellationToken _ct;

        private readonly Dictionary<string, ConstDecl> _consts = new Dictionary<string, ConstDecl>();
        private readonly Dictionary<string, Item> _types = new Dictionary<string, Item>();
        private readonly List<Item> _order = new List<Item>();

        private readonly Dictionary<string, long?> _constValues = new Dictionary<string, long?>();
        private readonly List<string> _evaluating = new List<string>();
        private readonly Dictionary<string, RecordLayout?> _records = new Dictionary<string, RecordLayout?>();
        private readonly List<string> _layingOut = new List<string>();
        private readonly HashSet<string> _resolvingTypedefs = new HashSet<string>();

        public AbiResolver(AbiTarget target, IReadOnlyList<SpecFile> files, List<SpecDiagnostic> diagnostics, CancellationToken ct)
        {
            _t = target;
            _files = files;
            _diags = diagnostics;
            _ct = ct;
        }

        public AbiLayout Run(string ns)
        {
            foreach (var f in _files)
                foreach (var item in SelectItems(f.Items))
                    Declare(item);

            var constants = new List<ConstantValue>();
            var records = new List<RecordLayout>();
            var words = new List<WordLayout>();
            foreach (var item in _order)
            {
                _ct.ThrowIfCancellationRequested();
                switch (item)
                {
                    case ConstDecl c when EvalConst(c.Name) is long v:
                        constants.Add(new ConstantValue(c.Name, v, c.Location, c.Doc));
                        break;
                    case RecordDecl r when GetRecord(r.Name) is RecordLayout rl:
                        records.Add(rl);
                        break;
                    case WordDecl w when LayoutWord(w) is WordLayout wl:
                        words.Add(wl);
                        break;
                    case TypedefDecl td:
                        Resolve(new TypeRef(td.Name, null, td.Location));
                        break;
                }
            }
            return new AbiLayout(_t, ns, records.ToEquatableArray(), constants.ToEquatableArray(), words.ToEquatableArray());
        }

        // ---------- declarations ----------

        private IEnumerable<Item> SelectItems(EquatableArray<Item> items)
        {
            foreach (var item in items)
            {
                if (item is WhenItem w)
                {
                    foreach (var inner in SelectItems(Matches(w.Selector) ? w.Then : w.Else))
                        yield return inner;
                }
                else
                {
                    yield return item;
                }
            }
        }

        private IEnumerable<Member> SelectMembers(EquatableArray<Member> members)
        {
            foreach (var m in members)
            {
                if (m is WhenMember w)
                {
                    foreach (var inner in SelectMembers(Matches(w.Selector) ? w.Then : w.Else))
                        yield return inner;
                }
                else
                {
                    yield return m;
                }
            }
        }

        private bool Matches(Selector s)
        {
            bool any = false;
            foreach (var term in s.Terms)
            {
                if (!AbiTarget.IsKnownSelector(term.Name))
                {
                    string? meant = AbiTarget.SelectorIgnoringCase(term.Name);
                    Error(DiagnosticIds.UnknownSelector, term.Location, meant != null
                        ? $"ABI selector '{term.Name}' matches no ABI: selectors are case-sensitive; write '{meant}'"
                        : $"unknown ABI selector '{term.Name}'; use one of {string.Join(", ", AbiTarget.SelectorNames)}");
                    continue;
                }
                any |= _t.Matches(term.Name);
            }
            return any;
        }

        private void Declare(Item item)
        {
            string name = item switch
            {
                ConstDecl c => c.Name,
                TypedefDecl td => td.Name,
                WordDecl w => w.Name,
                RecordDecl r => r.Name,
                _ => "",
            };
            if (name.Length == 0) return;
            Item? previous = item is ConstDecl
                ? (_consts.TryGetValue(name, out var pc) ? pc : null)
                : (_types.TryGetValue(name, out var pt) ? pt : null);
            if (item is not ConstDecl && GeneratedNames.Contains(name))
            {
                Error(DiagnosticIds.NameCollision, item.Location,
                    $"'{name}' is the name of a type the generator emits in every ABI namespace ({string.Join(", ", GeneratedNames)}); rename it");
                return;
            }
            if (item is ConstDecl && name == "Constants")
            {
                Error(DiagnosticIds.NameCollision, item.Location, "a constant cannot be named 'Constants' (the generated class that holds the constants); rename it");
                return;
            }
            if (previous == null && item is not ConstDecl && Builtins.TryGet(name, _t, out _)) 
            {
                Error(DiagnosticIds.DuplicateDeclaration, item.Location, $"'{name}' is a built-in type; pick another name");
                return;
            }
            if (previous != null)
            {
                Error(DiagnosticIds.DuplicateDeclaration, item.Location,
                    $"'{name}' is already declared at {previous.Location}; rename or remove one (use 'when' blocks for per-ABI variants)");
                return;
            }
            if (item is ConstDecl cd) _consts[name] = cd;
            else _types[name] = item;
            _order.Add(item);
        }

        // ---------- constants ----------

        public long? EvalConst(string name)
        {
            if (_constValues.TryGetValue(name, out var known)) return known;
            var decl = _consts[name];
            if (_evaluating.Contains(name))
            {
                int start = _evaluating.IndexOf(name);
                string path = string.Join(" -> ", _evaluating.Skip(start).Concat(new[] { name }));
                Error(DiagnosticIds.CyclicConstant, decl.Location, $"constant '{name}' depends on itself ({path}); break the cycle");
                return null;
            }
            _evaluating.Add(name);
            long? value = Eval(decl.Value);
            _evaluating.RemoveAt(_evaluating.Count - 1);
            if (!_constValues.ContainsKey(name)) _constValues[name] = value;
            return _constValues[name];
        }

        public long? Eval(Expr e)
        {
            switch (e)
            {
                case IntLiteral lit:
                    return lit.Value;
                case NameExpr n:
                    if (_consts.ContainsKey(n.Name)) return EvalConst(n.Name);
                    Error(DiagnosticIds.UnknownConstant, n.Location, $"unknown constant '{n.Name}'{Suggest(n.Name, _consts.Keys)}");
                    return null;
                case SizeOfExpr s:
                    var ti = Resolve(s.Type);
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
                        Error(DiagnosticIds.BadExpression, b.Location, $"division by zero in constant expression ({l} {b.Op} 0)");
                        return null;
                    }
                    return b.Op == "/" ? l / r : l % r;
                case "<<":
                case ">>":
                    if (r < 0 || r > 63)
                    {
                        Error(DiagnosticIds.BadExpression, b.Location, $"shift count {r} is out of range 0..63");
                        return null;
                    }
                    if (b.Op == ">>") return l >> (int)r;
                    long shifted = l << (int)r;
                    if ((shifted >> (int)r) != l)
                    {
                        Error(DiagnosticIds.BadExpression, b.Location, $"{l} << {r} overflows a 64-bit signed integer");
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
                Error(DiagnosticIds.BadExpression, at.Location, "constant expression overflows a 64-bit signed integer");
                return null;
            }
        }

        // ---------- types ----------

        internal readonly struct TypeInfo
        {
            public TypeInfo(int size, int align, FieldType type)
            {
                Size = size; Align = align; Type = type;
            }

            public int Size { get; }
            public int Align { get; }
            public FieldType Type { get; }
        }

        private TypeInfo? Resolve(TypeRef tr)
        {
            if (tr.Name == "handle" || tr.Name == "ptr")
            {
                if (tr.Name == "handle" && tr.Argument == null)
                {
                    Error(DiagnosticIds.UnknownType, tr.Location, "'handle' needs a type argument, e.g. handle<uint8_t>");
                    return null;
                }
                if (tr.Argument != null && tr.Argument.Name != "void" && Resolve(tr.Argument) == null) return null;
                int size = tr.Name == "handle" ? _t.HandleSize : _t.PointerSize;
                int align = tr.Name == "handle" ? _t.HandleAlign : _t.PointerSize;
                return new TypeInfo(size, align, new FieldType(FieldTypeKind.Integer, tr.ToString(), size, false, null, null));
            }
            if (Builtins.TryGet(tr.Name, _t, out var b)) return b;
            if (!_types.TryGetValue(tr.Name, out var decl))
            {
                Error(DiagnosticIds.UnknownType, tr.Location,
                    $"unknown type '{tr.Name}'{Suggest(tr.Name, _types.Keys.Concat(Builtins.Names))}; declare it with struct, union, typedef or word, " +
                    "or use a built-in (uint8_t..int64_t, ulong, long, ptr, handle<T>)");
                return null;
            }
            switch (decl)
            {
                case TypedefDecl td:
                    if (!_resolvingTypedefs.Add(td.Name))
                    {
                        Error(DiagnosticIds.RecursiveType, td.Location, $"typedef '{td.Name}' refers to itself");
                        return null;
                    }
                    var inner = Resolve(td.Target);
                    _resolvingTypedefs.Remove(td.Name);
                    if (inner == null) return null;
                    var it = inner.Value;
                    var named = it.Type.Kind == FieldTypeKind.Integer && it.Type.WordName == null
                        ? it.Type with { CName = td.Name }
                        : it.Type;
                    return new TypeInfo(it.Size, it.Align, named);
                case WordDecl w:
                    var u = Resolve(w.Underlying);
                    if (u == null) return null;
                    if (u.Value.Type.Kind != FieldTypeKind.Integer)
                    {
                        Error(DiagnosticIds.BadBit, w.Underlying.Location, $"word '{w.Name}' must be based on an integer type, not '{w.Underlying}'");
                        return null;
                    }
                    return new TypeInfo(u.Value.Size, u.Value.Align, u.Value.Type with { CName = w.Name, WordName = w.Name });
                case RecordDecl r:
                    var rl = GetRecord(r.Name);
                    if (rl == null) return null;
                    return new TypeInfo(rl.Size, rl.Align, new FieldType(FieldTypeKind.Record, r.Name, rl.Size, false, null, null));
                default:
                    return null;
            }
        }

        // ---------- records ----------

        private RecordLayout? GetRecord(string name)
        {
            if (_records.TryGetValue(name, out var done)) return done;
            var decl = (RecordDecl)_types[name];
            if (_layingOut.Contains(name))
            {
                int start = _layingOut.IndexOf(name);
                string path = string.Join(" -> ", _layingOut.Skip(start).Concat(new[] { name }));
                Error(DiagnosticIds.RecursiveType, decl.Location,
                    $"{Kind(decl.IsUnion)} {name} contains itself ({path}); a C record cannot, use ptr or handle<T> for a reference");
                return null;
            }
            _layingOut.Add(name);
            var layout = LayoutRecord(name, decl.IsUnion, decl.Members, decl.Location, decl.Doc, isInline: false);
            _layingOut.RemoveAt(_layingOut.Count - 1);
            if (!_records.ContainsKey(name)) _records[name] = layout;
            return _records[name];
        }

        private RecordLayout? LayoutRecord(string name, bool isUnion, EquatableArray<Member> members, SpecLocation location,
            string? doc, bool isInline)
        {
            var fields = new List<FieldLayout>();
            var names = new Dictionary<string, SpecLocation>();
            long cursor = 0, size = 0;
            int align = 1;
            bool ok = true;
            int anon = 0;
            foreach (var m in SelectMembers(members))
            {
                _ct.ThrowIfCancellationRequested();
                var f = LayoutMember(name, m, ref anon);
                if (f == null)
                {
                    ok = false;
                    continue;
                }
                CheckNames(name, isUnion, f, names);
                long offset = isUnion ? 0 : AlignUp(cursor, f.Align);
                if (offset + f.Size > LayoutEngine.MaxRecordSize)
                {
                    Report(SpecDiagnostic.Create(DiagnosticCatalog.TooLarge, f.Location,
                        $"{Kind(isUnion)} {name} at this field (offset {offset}, size {f.Size})", $"{offset + f.Size} bytes",
                        Num(LayoutEngine.MaxRecordSize), "shrink the array or split the record"));
                    return null;
                }
                fields.Add(f with { Offset = (int)offset });
                cursor = offset + f.Size;
                size = Math.Max(size, cursor);
                align = Math.Max(align, f.Align);
            }
            if (!ok) return null;
            int total = fields.Count == 0 ? 0 : (int)AlignUp(size, align);
            var padding = isUnion ? new List<PaddingGap>() : FindPadding(fields, total);
            return new RecordLayout(name, isUnion, total, align, fields.ToEquatableArray(), padding.ToEquatableArray(), location, doc, isInline);
        }

        private FieldLayout? LayoutMember(string owner, Member m, ref int anon)
        {
            FieldType type;
            int elemSize, elemAlign;
            string? fieldName;
            EquatableArray<Expr> dims;
            FieldAttributes attrs;
            switch (m)
            {
                case FieldMember fm:
                    var ti = Resolve(fm.Type);
                    if (ti == null) return null;
                    type = ti.Value.Type;
                    elemSize = ti.Value.Size;
                    elemAlign = ti.Value.Align;
                    fieldName = fm.Name;
                    dims = fm.Dimensions;
                    attrs = fm.Attributes;
                    break;
                case InlineRecordMember im:
                    string inlineName = im.Name ?? $"__anon{anon++}";
                    var rl = LayoutRecord(inlineName, im.IsUnion, im.Members, im.Location, im.Doc, isInline: true);
                    if (rl == null) return null;
                    type = new FieldType(FieldTypeKind.InlineRecord, inlineName, rl.Size, false, rl, null);
                    elemSize = rl.Size;
                    elemAlign = rl.Align;
                    fieldName = im.Name;
                    dims = im.Dimensions;
                    attrs = im.Attributes;
                    break;
                default:
                    return null;
            }

            var lengths = new List<int>();
            long total = elemSize;
            foreach (var d in dims)
            {
                var v = Eval(d);
                if (v == null) return null;
                if (v.Value <= 0)
                {
                    Report(SpecDiagnostic.Create(DiagnosticCatalog.BadArrayLength, d.Location, fieldName ?? "(anonymous)", Num(v.Value)));
                    return null;
                }
                // Both factors are capped before multiplying, so this cannot overflow.
                if (v.Value > LayoutEngine.MaxRecordSize || total * v.Value > LayoutEngine.MaxRecordSize)
                {
                    string bytes = v.Value > LayoutEngine.MaxRecordSize ? $"{v.Value} elements" : $"{total * v.Value} bytes";
                    Report(SpecDiagnostic.Create(DiagnosticCatalog.TooLarge, d.Location, $"array '{fieldName ?? "(anonymous)"}'", bytes,
                        Num(LayoutEngine.MaxRecordSize), "shrink it"));
                    return null;
                }
                total *= v.Value;
                lengths.Add((int)v.Value);
            }

            int align = elemAlign;
            if (attrs.Align != null)
            {
                var a = Eval(attrs.Align);
                if (a == null) return null;
                if (a.Value < 1 || a.Value > 4096 || (a.Value & (a.Value - 1)) != 0)
                {
                    Error(DiagnosticIds.BadAlignment, attrs.Align.Location, $"align({a.Value}) must be a power of two from 1 to 4096");
                    return null;
                }
                align = Math.Max(align, (int)a.Value);
            }

            var loc = m.Location;
            if (attrs.Has(FieldFlags.Shared) && type.Kind != FieldTypeKind.Integer)
            {
                Error(DiagnosticIds.BadAttribute, loc,
                    $"'shared' marks an integer word for atomic operations, but '{fieldName}' is a record; mark its integer fields instead");
                return null;
            }
            if (attrs.Has(FieldFlags.Shared) && type.Kind == FieldTypeKind.Integer && elemSize != 1 && elemSize != 2 && elemSize != 4 && elemSize != 8)
            {
                Error(DiagnosticIds.BadAttribute, loc, $"'shared' needs a 1, 2, 4 or 8-byte word; '{fieldName}' is {elemSize} bytes");
                return null;
            }
            if (attrs.Has(FieldFlags.Bitmap) && (lengths.Count == 0 || (elemSize != 4 && elemSize != 8)))
            {
                Error(DiagnosticIds.BadAttribute, loc,
                    $"'bitmap' needs an array of 32- or 64-bit words; '{fieldName}' is {(lengths.Count == 0 ? "not an array" : $"made of {elemSize}-byte elements")}");
                return null;
            }
            return new FieldLayout(fieldName, 0, (int)total, align, type, lengths.ToEquatableArray(), attrs.Flags, loc, m.Doc);
        }

        private void CheckNames(string owner, bool isUnion, FieldLayout f, Dictionary<string, SpecLocation> names)
        {
            // Members of an anonymous struct/union live in the enclosing record's namespace (C11 6.7.2.1).
            IEnumerable<(string name, SpecLocation loc)> Visible(FieldLayout x)
            {
                if (x.Name != null) yield return (x.Name, x.Location);
                else if (x.Type.Inline != null)
                    foreach (var inner in x.Type.Inline.Fields)
                        foreach (var v in Visible(inner)) yield return v;
            }
            foreach (var (n, loc) in Visible(f))
            {
                if (names.TryGetValue(n, out var first))
                    Error(DiagnosticIds.DuplicateField, loc, $"duplicate field '{n}' in {Kind(isUnion)} {owner}; the first is at {first}");
                else
                    names[n] = loc;
            }
        }

        private static List<PaddingGap> FindPadding(List<FieldLayout> fields, int total)
        {
            var gaps = new List<PaddingGap>();
            int end = 0;
            foreach (var f in fields)
            {
                if (f.Offset > end) gaps.Add(new PaddingGap(end, f.Offset - end));
                end = Math.Max(end, f.Offset + f.Size);
            }
            if (total > end) gaps.Add(new PaddingGap(end, total - end));
            return gaps;
        }

        // ---------- words ----------

        private WordLayout? LayoutWord(WordDecl w)
        {
            var ti = Resolve(new TypeRef(w.Name, null, w.Location));
            if (ti == null) return null;
            int width = ti.Value.Size * 8;
            var bits = new List<WordBitLayout>();
            ulong used = 0;
            var seen = new HashSet<string>();
            foreach (var b in w.Bits)
            {
                var lo = Eval(b.Low);
                var hi = b.High == null ? lo : Eval(b.High);
                if (lo == null || hi == null) continue;
                if (!seen.Add(b.Name))
                {
                    Error(DiagnosticIds.BadBit, b.Location, $"bit name '{b.Name}' appears twice in word {w.Name}");
                    continue;
                }
                if (lo < 0 || hi >= width || hi < lo)
                {
                    Error(DiagnosticIds.BadBit, b.Location,
                        $"bits {lo}..{hi} of '{b.Name}' do not fit the {width}-bit word {w.Name}; use 0..{width - 1} with low <= high");
                    continue;
                }
                var bl = new WordBitLayout(b.Name, (int)lo.Value, (int)hi.Value, b.Doc, b.GuardedBy);
                if ((used & bl.Mask) != 0)
                {
                    Error(DiagnosticIds.BadBit, b.Location, $"'{b.Name}' (bits {lo}..{hi}) overlaps another field of word {w.Name}");
                    continue;
                }
                used |= bl.Mask;
                bits.Add(bl);
            }
            foreach (var b in w.Bits.Where(b => b.GuardedBy != null))
            {
                var guard = bits.FirstOrDefault(x => x.Name == b.GuardedBy);
                if (guard == null || guard.Width != 1 || b.High != null)
                    Error(DiagnosticIds.BadBit, b.Location,
                        $"guarded({b.GuardedBy}) on '{b.Name}' needs '{b.Name}' to be one bit and '{b.GuardedBy}' to be another single bit of word {w.Name}");
            }
            return new WordLayout(w.Name, ti.Value.Size, w.Shared, bits.ToEquatableArray(), w.Location, w.Doc);
        }

        // ---------- helpers ----------

        private static long AlignUp(long v, int a) => (v + a - 1) / a * a;

        private static string Kind(bool isUnion) => isUnion ? "union" : "struct";

        private void Error(string id, SpecLocation loc, string message)
            => _diags.Add(new SpecDiagnostic(id, message, loc));

        /// <summary>A diagnostic that depends on the layout, so holds on this ABI.</summary>
        private void Report(SpecDiagnostic d) => _diags.Add(d.On(new[] { _t.Name }));

        private static string Num(long v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private static string Suggest(string name, IEnumerable<string> candidates)
        {
            string? best = null;
            int bestD = 3;
            foreach (var c in candidates)
            {
                int d = Distance(name, c);
                if (d < bestD)
                {
                    bestD = d;
                    best = c;
                }
            }
            return best == null ? "" : $" (did you mean '{best}'?)";
        }

        private static int Distance(string a, string b)
        {
            if (Math.Abs(a.Length - b.Length) > 2) return 99;
            var prev = new int[b.Length + 1];
            var cur = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++) prev[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                cur[0] = i;
                for (int j = 1; j <= b.Length; j++)
                    cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                var tmp = prev; prev = cur; cur = tmp;
            }
            return prev[b.Length];
        }
    }
}
