using System.Linq;
using EvtchnAbiGen.Core.Contract;
using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Core.Emit
{
    // The lock-free operations: atomic wrapper types for shared scalars, bit operations on bitmap
    // arrays, and per-bit/per-range operations on spec words. Rules (docs/atomics.md):
    //  - no old value needed: Interlocked.Or/And with the result discarded (one 'lock or/and' on x64);
    //  - old value needed: Interlocked.Or/And's result or a CompareExchange loop;
    //  - bit n of a bitmap of W-bit words is bit n % W of word n / W, as in Xen.
    public sealed partial class CSharpEmitter
    {
        private const string MI = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";
        private const string IL = "global::System.Threading.Interlocked";
        private const string VO = "global::System.Threading.Volatile";
        private const string US = "global::System.Runtime.CompilerServices.Unsafe";

        private static string SharedTypeName(int size) => "SharedU" + (size * 8).ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>Who compare-exchanges a value of C# type <paramref name="t"/>: Interlocked for 32/64-bit values,
        /// the generated NarrowAtomics for 8/16-bit ones (Interlocked has them only from .NET 9).</summary>
        private string Cas(string t) => t == "byte" || t == "ushort" ? $"global::{_root}.NarrowAtomics" : IL;

        private static string Suffix(int size) => size == 8 ? "UL" : size == 4 ? "u" : "";

        /// <summary>8/16-bit compare-exchange and exchange. .NET 9 has them in Interlocked; on .NET 8 they are done
        /// with a 32-bit compare-exchange on the aligned word that holds the value (little-endian ABIs only), which
        /// changes only the value's bytes: the neighbours are compared too, so a concurrent write to them retries.</summary>
        private void EmitNarrowAtomics()
        {
            _w.Doc("8- and 16-bit compare-exchange and exchange on every target framework the generated code supports.");
            using (_w.Block($"{Vis} static class NarrowAtomics"))
            {
                foreach (var (t, bits) in new[] { ("byte", 8), ("ushort", 16) })
                {
                    _w.Line("#if NET9_0_OR_GREATER");
                    _w.Line($"{MI} public static {t} CompareExchange(ref {t} location, {t} value, {t} comparand) => {IL}.CompareExchange(ref location, value, comparand);");
                    _w.Line($"{MI} public static {t} Exchange(ref {t} location, {t} value) => {IL}.Exchange(ref location, value);");
                    _w.Line("#else");
                    using (_w.Block($"public static {t} CompareExchange(ref {t} location, {t} value, {t} comparand)"))
                    {
                        _w.Line($"int misalign = (int)({US}.ByteOffset(ref {US}.NullRef<byte>(), ref {US}.As<{t}, byte>(ref location)) & 3);");
                        _w.Line($"ref uint word = ref {US}.As<byte, uint>(ref {US}.Subtract(ref {US}.As<{t}, byte>(ref location), misalign));");
                        _w.Line("int shift = misalign * 8;");
                        _w.Line($"uint mask = (uint)((1UL << {bits}) - 1) << shift;");
                        using (_w.Block("while (true)"))
                        {
                            _w.Line($"uint old = {VO}.Read(ref word);");
                            _w.Line($"{t} current = ({t})((old & mask) >> shift);");
                            _w.Line("if (current != comparand) return current;");
                            _w.Line($"if ({IL}.CompareExchange(ref word, (old & ~mask) | ((uint)value << shift), old) == old) return comparand;");
                        }
                    }
                    using (_w.Block($"public static {t} Exchange(ref {t} location, {t} value)"))
                    {
                        _w.Line($"{t} old = {VO}.Read(ref location);");
                        using (_w.Block("while (true)"))
                        {
                            _w.Line($"{t} seen = CompareExchange(ref location, value, old);");
                            _w.Line("if (seen == old) return old;");
                            _w.Line("old = seen;");
                        }
                    }
                    _w.Line("#endif");
                }
            }
        }

        /// <summary>SharedU8..SharedU64: a word in shared memory that can only be used atomically.</summary>
        private void EmitSharedWordTypes()
        {
            EmitNarrowAtomics();
            _w.Line();
            _w.Line("/// <summary>Result of a guarded range update (see the word types' TrySet methods).</summary>");
            using (_w.Block($"{Vis} enum WordRangeUpdate"))
            {
                _w.Line("/// <summary>The range was written.</summary>");
                _w.Line("Updated,");
                _w.Line("/// <summary>A required bit was clear (e.g. the tail is no longer LINKED); nothing was written.</summary>");
                _w.Line("RequirementLost,");
                _w.Line("/// <summary>The word kept changing for all retries; the busy bit was released and nothing was written.</summary>");
                _w.Line("GaveUp,");
            }
            foreach (int size in new[] { 1, 2, 4, 8 })
            {
                string t = CSharpNames.Integer(size, false);
                int bits = size * 8;
                string name = SharedTypeName(size);
                string bit = BitParameter(bits, name);
                bool native = size >= 4; // Interlocked.Or/And exist for 32/64-bit only
                _w.Line();
                _w.Doc($"A {bits}-bit word in memory shared with Xen or another guest. Its value is private, so every\naccess is atomic: Read/Write are volatile, the rest are interlocked.");
                _w.Line(GeneratedContract.Apply(GeneratedContract.SharedMemoryAttribute));
                _w.Line($"[global::System.Runtime.InteropServices.StructLayout(LayoutKind.Sequential, Size = {size})]");
                using (_w.Block($"{Vis} struct {name}"))
                {
                    _w.Line($"private {t} _value;");
                    _w.Line($"public const int BitCount = {bits};");
                    _w.Line($"{MI} public {t} Read() => {VO}.Read(ref _value);");
                    _w.Line($"{MI} public void Write({t} value) => {VO}.Write(ref _value, value);");
                    _w.Line($"{MI} public {t} Exchange({t} value) => {Cas(t)}.Exchange(ref _value, value);");
                    _w.Line($"{MI} public {t} CompareExchange({t} value, {t} comparand) => {Cas(t)}.CompareExchange(ref _value, value, comparand);");
                    if (native)
                    {
                        _w.Line($"/// <summary>Atomically ORs <paramref name=\"mask\"/> in; returns the old value (a CAS loop on x64 when the result is used).</summary>");
                        _w.Line($"{MI} public {t} Or({t} mask) => {IL}.Or(ref _value, mask);");
                        _w.Line($"{MI} public {t} And({t} mask) => {IL}.And(ref _value, mask);");
                        _w.Line($"{MI} public void SetBit({bit}) {{ Check(bit); {IL}.Or(ref _value, ({t})1 << bit); }}");
                        _w.Line($"{MI} public void ClearBit({bit}) {{ Check(bit); {IL}.And(ref _value, ~(({t})1 << bit)); }}");
                        _w.Line($"{MI} public bool TestAndSetBit({bit}) {{ Check(bit); {t} m = ({t})1 << bit; return ({IL}.Or(ref _value, m) & m) != 0; }}");
                        _w.Line($"{MI} public bool TestAndClearBit({bit}) {{ Check(bit); {t} m = ({t})1 << bit; return ({IL}.And(ref _value, ~m) & m) != 0; }}");
                    }
                    else
                    {
                        _w.Line($"/// <summary>Atomically ORs <paramref name=\"mask\"/> in (compare-exchange loop); returns the old value.</summary>");
                        _w.Line($"public {t} Or({t} mask) {{ {t} old = {VO}.Read(ref _value); while (true) {{ {t} seen = {Cas(t)}.CompareExchange(ref _value, ({t})(old | mask), old); if (seen == old) return old; old = seen; }} }}");
                        _w.Line($"public {t} And({t} mask) {{ {t} old = {VO}.Read(ref _value); while (true) {{ {t} seen = {Cas(t)}.CompareExchange(ref _value, ({t})(old & mask), old); if (seen == old) return old; old = seen; }} }}");
                        _w.Line($"public void SetBit({bit}) {{ Check(bit); Or(({t})(1 << bit)); }}");
                        _w.Line($"public void ClearBit({bit}) {{ Check(bit); And(({t})~(1 << bit)); }}");
                        _w.Line($"public bool TestAndSetBit({bit}) {{ Check(bit); {t} m = ({t})(1 << bit); return (Or(m) & m) != 0; }}");
                        _w.Line($"public bool TestAndClearBit({bit}) {{ Check(bit); {t} m = ({t})(1 << bit); return (And(({t})~m) & m) != 0; }}");
                    }
                    _w.Line($"{MI} public bool TestBit({bit}) {{ Check(bit); return ({VO}.Read(ref _value) & (({t})1 << bit)) != 0; }}");
                    _w.Line($"{MI} private static void Check(int bit) {{ if ((uint)bit >= {bits}u) Throw(bit); }}");
                    _w.Line($"private static void Throw(int bit) => throw new global::System.ArgumentOutOfRangeException(nameof(bit), bit, \"bit must be 0..{bits - 1}\");");
                    _w.Line($"public override string ToString() => \"0x\" + {VO}.Read(ref _value).ToString(\"X{size * 2}\");");
                }
            }
        }

        /// <summary>Bit operations on an inline array of W-bit words: checked (ArgumentOutOfRangeException past
        /// the bitmap) and Unchecked forms for hot loops.</summary>
        private void EmitBitmapOps(string element, int length, int wordBits, string bitmapName)
        {
            int bitCount = length * wordBits;
            string bitParam = BitParameter(bitCount, bitmapName);
            int shift = wordBits == 64 ? 6 : 5;
            string one = "1" + Suffix(wordBits / 8);
            _w.Line($"/// <summary>Bits per word: bit n is bit n % {wordBits} of word n / {wordBits}, as in Xen.</summary>");
            _w.Line($"public const int BitsPerWord = {wordBits};");
            _w.Line($"/// <summary>Number of bits (ports) the bitmap holds.</summary>");
            _w.Line($"public const int BitCount = {bitCount};");
            _w.Line($"{MI} [global::System.Diagnostics.CodeAnalysis.UnscopedRef] private ref {element} Word(int bit) => ref {US}.Add(ref _element0, bit >> {shift});");
            _w.Line($"{MI} private static void Check(int bit) {{ if ((uint)bit >= {bitCount}u) Throw(bit); }}");
            _w.Line($"private static void Throw(int bit) => throw new global::System.ArgumentOutOfRangeException(nameof(bit), bit, \"bit must be 0..{bitCount - 1}\");");
            foreach (var (name, checkedBody, doc) in new[]
            {
                ("TestBit", $"({VO}.Read(ref Word(bit)) & ({one} << bit)) != 0", "Reads bit <paramref name=\"bit\"/> (volatile)."),
                ("SetBit", $"{IL}.Or(ref Word(bit), {one} << bit)", "Sets the bit: one 'lock or', the old value is not needed."),
                ("ClearBit", $"{IL}.And(ref Word(bit), ~({one} << bit))", "Clears the bit: one 'lock and'."),
                ("TestAndSetBit", $"({IL}.Or(ref Word(bit), {one} << bit) & ({one} << bit)) != 0", "Sets the bit and returns its old value."),
                ("TestAndClearBit", $"({IL}.And(ref Word(bit), ~({one} << bit)) & ({one} << bit)) != 0", "Clears the bit and returns its old value."),
            })
            {
                bool returns = name.StartsWith("Test", System.StringComparison.Ordinal);
                string ret = returns ? "bool" : "void";
                string body = returns ? $"return {checkedBody};" : $"{checkedBody};";
                _w.Line($"/// <summary>{doc} Throws ArgumentOutOfRangeException unless 0 &lt;= bit &lt; {bitCount}.</summary>");
                _w.Line($"{MI} public {ret} {name}({bitParam}) {{ Check(bit); {body} }}");
                _w.Line($"/// <summary>{doc} Unchecked: the caller guarantees 0 &lt;= bit &lt; {bitCount} (for hot loops).</summary>");
                _w.Line($"{MI} public {ret} {name}Unchecked({bitParam}) {{ {body} }}");
            }
            _w.Line($"/// <summary>Volatile read of word <paramref name=\"index\"/>.</summary>");
            _w.Line($"{MI} public {element} ReadWord(int index) => {VO}.Read(ref this[index]);");
            _w.Line($"/// <summary>Atomically replaces word <paramref name=\"index\"/> (e.g. a selector with 0) and returns the old one.</summary>");
            _w.Line($"{MI} public {element} ExchangeWord(int index, {element} value) => {IL}.Exchange(ref this[index], value);");
            _w.Line($"/// <summary>Atomically clears the bits of <paramref name=\"mask\"/> in word <paramref name=\"index\"/>: one 'lock and', the old value");
            _w.Line($"/// is not needed (a scan acknowledging every port it saw in a word at once).</summary>");
            _w.Line($"{MI} public void ClearWordBits(int index, {element} mask) => {IL}.And(ref this[index], ({element})~mask);");
            _w.Line($"/// <summary><see cref=\"ClearWordBits\"/> without the range check: the caller guarantees 0 &lt;= index &lt; {length}.</summary>");
            _w.Line($"{MI} public void ClearWordBitsUnchecked(int index, {element} mask) => {IL}.And(ref {US}.Add(ref _element0, index), ({element})~mask);");
            _w.Line($"/// <summary><see cref=\"ReadWord\"/> without the range check: the caller guarantees 0 &lt;= index &lt; {length}.</summary>");
            _w.Line($"{MI} public {element} ReadWordUnchecked(int index) => {VO}.Read(ref {US}.Add(ref _element0, index));");
            _w.Line($"/// <summary><see cref=\"ExchangeWord\"/> without the range check: the caller guarantees 0 &lt;= index &lt; {length}.</summary>");
            _w.Line($"{MI} public {element} ExchangeWordUnchecked(int index, {element} value) => {IL}.Exchange(ref {US}.Add(ref _element0, index), value);");
        }

        /// <summary>The bit-index parameter, carrying the capacity the analyzers check constant indexes against.</summary>
        private string BitParameter(int bitCount, string bitmap)
            => GeneratedContract.Apply(GeneratedContract.BitIndexAttribute,
                $"{bitCount.ToString(System.Globalization.CultureInfo.InvariantCulture)}, \"{(_abi == null ? "every ABI" : _abi.Target.Name)}\", \"{bitmap}\"") + " int bit";

        /// <summary>A spec word becomes a 1:1 wrapper struct: bit constants and pure helpers (static),
        /// and atomic per-bit and per-range operations on the word in place (instance).</summary>
        private void EmitWord(WordLayout word)
        {
            string t = CSharpNames.Integer(word.Size, false);
            _w.Doc(word.Doc, $"C: typedef {word.Name}, {word.Size * 8} bits{(word.Shared ? ", lives in shared memory" : "")}. " +
                "The struct wraps exactly one word, so an array of it overlays the C array (e.g. FIFO event-array pages).");
            if (word.Shared) _w.Line(GeneratedContract.Apply(GeneratedContract.SharedMemoryAttribute));
            _w.Line($"[global::System.Runtime.InteropServices.StructLayout(LayoutKind.Sequential, Size = {word.Size})]");
            using (_w.Block($"{Vis} partial struct {word.Name}"))
            {
                _w.Line($"private {t} _value;");
                _w.Line($"public const int SizeInBytes = {word.Size};");
                _w.Line($"public {word.Name}({t} value) {{ _value = value; }}");
                _w.Line($"/// <summary>The raw value (a plain read; use Read() on shared memory).</summary>");
                _w.Line($"public readonly {t} Value => _value;");
                _w.Line($"{MI} public {t} Read() => {VO}.Read(ref _value);");
                _w.Line($"{MI} public void Write({t} value) => {VO}.Write(ref _value, value);");
                _w.Line($"{MI} public {t} Exchange({t} value) => {Cas(t)}.Exchange(ref _value, value);");
                _w.Line($"{MI} public {t} CompareExchange({t} value, {t} comparand) => {Cas(t)}.CompareExchange(ref _value, value, comparand);");
                bool native = word.Size >= 4;
                foreach (var b in word.Bits)
                {
                    _w.Line();
                    _w.Doc(b.Doc, b.Width == 1 ? $"Bit {b.Low}." : $"Bits {b.Low}..{b.High}.");
                    string mask = CSharpNames.Hex(b.Mask, word.Size);
                    if (b.Width == 1)
                    {
                        _w.Line($"public const int {b.Name}_Bit = {b.Low};");
                        if (b.GuardedBy != null)
                            _w.Line(GeneratedContract.Apply(GeneratedContract.GuardedBitAttribute,
                                $"\"{b.Name}\", \"{b.GuardedBy}\", \"{GeneratedContract.Clear(b.Name)}\""));
                        _w.Line($"public const {t} {GeneratedContract.MaskConstant(b.Name)} = {mask};");
                        _w.Line($"{MI} public static bool Has{b.Name}({t} word) => (word & {b.Name}_Mask) != 0;");
                        if (native) EmitWordBitOps(t, b, word);
                    }
                    else
                    {
                        _w.Line($"public const int {b.Name}_Shift = {b.Low};");
                        _w.Line($"public const int {b.Name}_Width = {b.Width};");
                        _w.Line($"public const {t} {b.Name}_Mask = {mask};");
                        _w.Line($"{MI} public static {t} Get{b.Name}({t} word) => ({t})((word & {b.Name}_Mask) >> {b.Name}_Shift);");
                        _w.Line($"{MI} public static {t} With{b.Name}({t} word, {t} value) => ({t})((word & ~{b.Name}_Mask) | ((({t})(value << {b.Name}_Shift)) & {b.Name}_Mask));");
                        if (native) EmitWordRangeOps(t, b);
                    }
                }
            }
        }

        private void EmitWordBitOps(string t, WordBitLayout b, WordLayout word)
        {
            string m = b.Name + "_Mask";
            _w.Line($"{MI} public bool Test{b.Name}() => ({VO}.Read(ref _value) & {m}) != 0;");
            _w.Line($"/// <summary>Sets {b.Name}: one 'lock or'.</summary>");
            _w.Line($"{MI} public void Set{b.Name}() => {IL}.Or(ref _value, {m});");
            _w.Line($"{MI} public bool TestAndSet{b.Name}() => ({IL}.Or(ref _value, {m}) & {m}) != 0;");
            if (b.GuardedBy == null)
            {
                _w.Line($"{MI} public bool TestAndClear{b.Name}() => ({IL}.And(ref _value, ({t})~{m}) & {m}) != 0;");
                _w.Line($"/// <summary>Clears {b.Name}: one 'lock and'.</summary>");
                _w.Line($"{MI} public void Clear{b.Name}() => {IL}.And(ref _value, ({t})~{m});");
                return;
            }
            string g = b.GuardedBy + "_Mask";
            _w.Line($"/// <summary>Clears {b.Name}, but never while {b.GuardedBy} is set: a compare-exchange that expects {b.GuardedBy}");
            _w.Line($"/// clear, so it spins while the other side holds it. Returns the word as it was just before the clear");
            _w.Line($"/// (or as read, if {b.Name} was already clear).</summary>");
            using (_w.Block($"public {t} Clear{b.Name}()"))
            {
                _w.Line("var spin = new global::System.Threading.SpinWait();");
                using (_w.Block("while (true)"))
                {
                    _w.Line($"{t} old = {VO}.Read(ref _value);");
                    _w.Line($"if ((old & {m}) == 0) return old;");
                    _w.Line($"{t} expected = ({t})(old & ~{g});");
                    _w.Line($"if ({IL}.CompareExchange(ref _value, ({t})(expected & ~{m}), expected) == expected) return expected;");
                    _w.Line("spin.SpinOnce(sleep1Threshold: -1);");
                }
            }
            _w.Line($"/// <summary>Clears {b.Name} as <see cref=\"Clear{b.Name}\"/> does (waiting while {b.GuardedBy} is set); returns whether it was set.</summary>");
            _w.Line($"{MI} public bool TestAndClear{b.Name}() => (Clear{b.Name}() & {m}) != 0;");
        }

        private void EmitWordRangeOps(string t, WordBitLayout b)
        {
            string m = b.Name + "_Mask";
            string s = b.Name + "_Shift";
            _w.Line($"{MI} public {t} Get{b.Name}() => ({t})(({VO}.Read(ref _value) & {m}) >> {s});");
            _w.Line($"/// <summary>Atomically clears {b.Name} and the bits in <paramref name=\"alsoClear\"/>; returns the old {b.Name}.");
            _w.Line($"/// (FIFO: Take{b.Name}(LINKED_Mask) is the guest's clear_linked.)</summary>");
            using (_w.Block($"public {t} Take{b.Name}({t} alsoClear)"))
            {
                _w.Line($"{t} old = {VO}.Read(ref _value);");
                using (_w.Block("while (true)"))
                {
                    _w.Line($"{t} seen = {IL}.CompareExchange(ref _value, ({t})(old & ~({m} | alsoClear)), old);");
                    _w.Line($"if (seen == old) return ({t})((old & {m}) >> {s});");
                    _w.Line("old = seen;");
                }
            }
            _w.Line($"/// <summary>Writes {b.Name} = <paramref name=\"value\"/> only while every bit of <paramref name=\"requireMask\"/> is set, with");
            _w.Line($"/// bounded retries: after the first failed compare-exchange it sets <paramref name=\"busyMask\"/> so the other side");
            _w.Line($"/// holds back, retries up to <paramref name=\"maxRetries\"/> times, and a successful write clears busyMask.");
            _w.Line($"/// (FIFO: TrySet{b.Name}(port, LINKED_Mask, BUSY_Mask, 4) is Xen's set_link.)</summary>");
            using (_w.Block($"public global::{_root}.WordRangeUpdate TrySet{b.Name}({t} value, {t} requireMask, {t} busyMask, int maxRetries)"))
            {
                _w.Line($"{t} field = ({t})((value << {s}) & {m});");
                _w.Line($"{t} w = {VO}.Read(ref _value);");
                _w.Line($"if ((w & requireMask) != requireMask) return global::{_root}.WordRangeUpdate.RequirementLost;");
                _w.Line($"if ({IL}.CompareExchange(ref _value, ({t})((w & ~(busyMask | {m})) | field), w) == w) return global::{_root}.WordRangeUpdate.Updated;");
                _w.Line($"{IL}.Or(ref _value, busyMask);");
                using (_w.Block("for (int i = 0; i < maxRetries; i++)"))
                {
                    _w.Line($"w = {VO}.Read(ref _value);");
                    _w.Line($"if ((w & requireMask) != requireMask) {{ {IL}.And(ref _value, ({t})~busyMask); return global::{_root}.WordRangeUpdate.RequirementLost; }}");
                    _w.Line($"if ({IL}.CompareExchange(ref _value, ({t})((w & ~(busyMask | {m})) | field), w) == w) return global::{_root}.WordRangeUpdate.Updated;");
                }
                _w.Line($"{IL}.And(ref _value, ({t})~busyMask);");
                _w.Line($"return global::{_root}.WordRangeUpdate.GaveUp;");
            }
        }
    }
}
