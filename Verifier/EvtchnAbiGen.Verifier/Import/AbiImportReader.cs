using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using EvtchnAbiGen.Clang;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Verifier.Import
{
    /// <summary>Reads one ABI's view of the headers: every record, typedef and enum constant declared in the named
    /// headers, what they use (from any header), and the integer macros of the named headers, rendered to spec
    /// text. Constructs the spec language cannot express are reported and their records left out.</summary>
    internal sealed unsafe class AbiImportReader
    {
        private const string Capture = "__evtchnabigen_import_";
        private const string KindCapture = "__evtchnabigen_kind_";
        private readonly AbiTarget _t;
        private readonly ImportOptions _o;
        private readonly HashSet<string> _named;   // full paths of the named headers
        private readonly Dictionary<string, int> _fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly Dictionary<string, CXCursor> _records = new Dictionary<string, CXCursor>(StringComparer.Ordinal);
        private readonly Dictionary<string, CXCursor> _typedefs = new Dictionary<string, CXCursor>(StringComparer.Ordinal);
        private readonly Dictionary<string, CXCursor> _enums = new Dictionary<string, CXCursor>(StringComparer.Ordinal);
        /// <summary>Unnamed enums written under a typedef's name, by where they are defined.</summary>
        private readonly HashSet<(string, int)> _namedByTypedef = new HashSet<(string, int)>();
        private readonly CTypeMapper _types;

        public AbiImportReader(AbiTarget target, ImportOptions options)
        {
            _t = target;
            _o = options;
            _named = new HashSet<string>(options.Headers.Select(h => Path.GetFullPath(Path.Combine(options.HeadersDir, h))), StringComparer.Ordinal);
            _types = new CTypeMapper(target.HandleSize, target.HandleAlign);
        }

        public Dictionary<string, ImportedItem> Items { get; } = new Dictionary<string, ImportedItem>(StringComparer.Ordinal);
        public List<ImportProblem> Problems { get; } = new List<ImportProblem>();

        public void Read()
        {
            var macros = new List<(string Name, string File, int Line)>();
            using (var unit = Parse(MainSource(Array.Empty<string>()), out string main))
            {
                var errors = unit.Errors();
                if (errors.Count > 0)
                    throw new VerifierSetupException($"{_t.Name} ({_t.ClangTriple}): the headers do not compile:\n  " + string.Join("\n  ", errors.Take(10)) +
                        (errors.Count > 10 ? $"\n  ... and {errors.Count - 10} more" : "") +
                        (errors.Any(e => e.Contains("tools only", StringComparison.Ordinal)) ? "\n  (toolstack-only headers need --define __XEN_TOOLS__)" : ""));
                foreach (var c in unit.Cursor.Children()) Collect(c, macros);
                // Guest-handle typedefs are imported only where a record uses one the spec's handle<T> cannot stand for.
                foreach (var name in _typedefs.Keys.Where(n => IsNamed(_typedefs[n]) && !n.StartsWith("__guest_handle_", StringComparison.Ordinal)).ToList())
                    ImportTypedef(name);
                foreach (var name in _records.Keys.Where(n => IsNamed(_records[n])).ToList()) ImportRecord(name, _records[name], isUnion: null);
                // Dependencies from any header, until nothing new is needed.
                while (true)
                {
                    var pending = _types.Typedefs.Where(n => !Items.ContainsKey(n) && !_failed.Contains(n)).Concat(
                        _types.Records.Where(n => !Items.ContainsKey(n) && !_failed.Contains(n))).Concat(
                        _types.Enums.Where(n => !Items.ContainsKey(n) && !_failed.Contains(n))).Distinct().ToList();
                    if (pending.Count == 0) break;
                    foreach (var n in pending)
                    {
                        if (_enums.TryGetValue(n, out var en) && _types.Enums.Contains(n)) ImportEnum(n, en, null);
                        else if (_typedefs.ContainsKey(n)) ImportTypedef(n);
                        else if (_records.TryGetValue(n, out var r)) ImportRecord(n, r, null);
                        else _failed.Add(n);
                    }
                }
                foreach (var c in _enumDefinitions)
                {
                    if (!IsNamed(c)) continue;
                    if (!CTypeMapper.IsUnnamed(c)) ImportEnum(c.Spelling, c, null);
                    else if (!_namedByTypedef.Contains(c.Location)) ImportEnumerators(c);   // enum { A, B }: only constants
                }
            }
            ImportMacros(macros);
            DropBroken();
        }

        private readonly HashSet<string> _failed = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Every enum definition in C order, nested ones too (an enum defined in a record's field is C's
        /// file-scope enum all the same).</summary>
        private readonly List<CXCursor> _enumDefinitions = new List<CXCursor>();

        // ---------- parsing ----------

        /// <summary>Whether <paramref name="header"/> compiles on its own for <paramref name="t"/>.</summary>
        public static bool Compiles(AbiTarget t, string dir, string header, IReadOnlyList<string> defines)
        {
            var reader = new AbiImportReader(t, new ImportOptions(dir, new[] { header }, defines));
            string main = HeaderReader.VirtualRoot + "probe.c";
            var args = reader.Args(out var unsaved);
            unsaved.Add((main, reader.MainSource(Array.Empty<string>())));
            return TranslationUnit.Compiles(main, args, unsaved);
        }

        private List<string> Args(out List<(string, string)> unsaved)
        {
            unsaved = new List<(string, string)>();
            var args = new List<string>
            {
                "-x", "c", "-std=gnu11", "-ffreestanding", "-target", _t.ClangTriple, "-fparse-all-comments",
                "-D__XEN_INTERFACE_VERSION__=" + _o.InterfaceVersion,
                // Every failing macro capture must be reported in one parse, not the first 20.
                "-ferror-limit=0",
            };
            foreach (var d in _o.Defines) args.Add("-D" + d);
            if (!BuiltinHeaders.Available())
            {
                args.AddRange(BuiltinHeaders.Args);
                unsaved.AddRange(BuiltinHeaders.Files);
            }
            return args;
        }

        private TranslationUnit Parse(string source, out string main)
        {
            main = HeaderReader.VirtualRoot + "import.c";
            var args = Args(out var unsaved);
            unsaved.Add((main, source));
            var err = TranslationUnit.TryParse(main, args, unsaved,
                CXTranslationUnit_Flags.CXTranslationUnit_DetailedPreprocessingRecord | CXTranslationUnit_Flags.CXTranslationUnit_SkipFunctionBodies, out var unit);
            if (err != CXErrorCode.CXError_Success) throw new VerifierSetupException($"{_t.Name}: libclang failed to parse the headers ({err})");
            return unit!;
        }

        /// <summary>The headers, then one capture per macro; <paramref name="lines"/> gets each capture's line.</summary>
        private string MainSource(IEnumerable<string> captures) => MainSource(captures, new List<int>());

        private string MainSource(IEnumerable<string> captures, List<int> lines)
        {
            var sb = new StringBuilder("#include <stdint.h>\n#include <stddef.h>\n");
            int line = 3;
            foreach (var h in _o.Headers)
            {
                sb.Append("#include \"").Append(Path.GetFullPath(Path.Combine(_o.HeadersDir, h))).Append("\"\n");
                line++;
            }
            // A float or a pointer selects a non-constant, so its capture fails to compile and is dropped.
            sb.Append("extern const long long ").Append(Capture).Append("not_an_integer;\n");
            line++;
            foreach (var n in captures)
            {
                sb.Append("#ifdef ").Append(n).Append("\nstatic const long long ").Append(Capture).Append(n)
                  .Append(" = _Generic((").Append(n).Append("), float: ").Append(Capture).Append("not_an_integer, double: ").Append(Capture)
                  .Append("not_an_integer, default: (long long)(").Append(n).Append("));")
                  // On the same line, so an error in it drops the same macro: what kind of value it is (GCC's type classes:
                  // 1 to 4 are integers, characters, enums and _Bool; 5 is a pointer, which a cast would make a number).
                  .Append(" static const int ").Append(KindCapture).Append(n).Append(" = __builtin_classify_type(").Append(n).Append(");\n#endif\n");
                lines.Add(line + 1);
                line += 3;
            }
            return sb.ToString();
        }

        // ---------- declarations ----------

        private bool IsNamed(CXCursor c) => _named.Contains(c.Location.File);

        private void Collect(CXCursor c, List<(string, string, int)> macros)
        {
            var (file, line) = c.Location;
            if (file.Length > 0 && !_fileOrder.ContainsKey(file)) _fileOrder[file] = _fileOrder.Count;
            switch (c.Kind)
            {
                case CXCursorKind.CXCursor_StructDecl:
                case CXCursorKind.CXCursor_UnionDecl:
                    if (c.IsDefinition && !CTypeMapper.IsUnnamed(c) && !_records.ContainsKey(c.Spelling)) _records[c.Spelling] = c;
                    // C puts a nested record's or enum's tag in file scope.
                    foreach (var child in c.Children())
                        if (child.Kind is CXCursorKind.CXCursor_StructDecl or CXCursorKind.CXCursor_UnionDecl or CXCursorKind.CXCursor_EnumDecl) Collect(child, macros);
                    break;
                case CXCursorKind.CXCursor_TypedefDecl:
                    if (!_typedefs.ContainsKey(c.Spelling)) _typedefs[c.Spelling] = c;
                    break;
                case CXCursorKind.CXCursor_EnumDecl:
                    if (c.IsDefinition && !CTypeMapper.IsUnnamed(c) && !_enums.ContainsKey(c.Spelling)) _enums[c.Spelling] = c;
                    if (c.IsDefinition) _enumDefinitions.Add(c);
                    break;
                case CXCursorKind.CXCursor_MacroDefinition:
                    if (_named.Contains(file) && !c.IsMacroFunctionLike) macros.Add((c.Spelling, file, line));
                    break;
            }
        }

        private void ImportTypedef(string name)
        {
            if (Items.ContainsKey(name) || _failed.Contains(name)) return;
            var c = _typedefs[name];
            var under = c.TypedefUnderlying.Named;
            if (under.kind == CXTypeKind.CXType_Record && CTypeMapper.IsUnnamed(under.Declaration))
            {
                // typedef struct { ... } name_t: the record takes the typedef's name (the verifier finds it the same way).
                ImportRecord(name, under.Declaration, null, c);
                return;
            }
            if (under.kind == CXTypeKind.CXType_Enum && CTypeMapper.IsUnnamed(under.Declaration))
            {
                // typedef enum { ... } name_t: likewise, the enum takes the typedef's name.
                ImportEnum(name, under.Declaration, c);
                return;
            }
            if (under.kind is CXTypeKind.CXType_Record or CXTypeKind.CXType_Enum && under.Declaration.Spelling == name)
            {
                // typedef struct foo foo: C's two namespaces name one record, and the spec's one namespace needs only it.
                if (under.kind == CXTypeKind.CXType_Record) ImportRecord(name, _records.TryGetValue(name, out var d) ? d : under.Declaration, null);
                else ImportEnum(name, _enums.TryGetValue(name, out var e) ? e : under.Declaration, null);
                return;
            }
            var st = _types.Map(c.TypedefUnderlying);
            if (st.Unsupported != null || st.Dims.Count > 0 || st.InlineRecord != null)
            {
                if (st.Unsupported != null) Problem(c, $"typedef '{name}' is {st.Unsupported}, which the spec language cannot express; it is left out");
                _failed.Add(name);
                return;
            }
            Items[name] = Item(ItemKind.Typedef, name, c) with { Text = st.Name };
        }

        private void ImportRecord(string name, CXCursor decl, bool? isUnion, CXCursor? named = null)
        {
            if (Items.ContainsKey(name) || _failed.Contains(name)) return;
            var members = new List<ImportedMember>();
            string? why = Members(decl, members, "    ");
            if (why != null)
            {
                Problem(named ?? decl, $"{Kind(decl)} {name} has {why}, which the spec language cannot express yet; the record is left out");
                _failed.Add(name);
                return;
            }
            Items[name] = Item(ItemKind.Record, name, named ?? decl) with { IsUnion = decl.Kind == CXCursorKind.CXCursor_UnionDecl, Members = members };
            if (Attributes(decl) is string hint) _hints[name] = hint;
        }

        /// <summary>Renders the members of <paramref name="record"/>; returns why not, for an unsupported one.</summary>
        private string? Members(CXCursor record, List<ImportedMember> into, string indent)
        {
            int anon = 0;
            var children = record.Children().ToList();
            int last = children.FindLastIndex(c => c.Kind == CXCursorKind.CXCursor_FieldDecl
                || c.Kind is CXCursorKind.CXCursor_StructDecl or CXCursorKind.CXCursor_UnionDecl && c.IsAnonymousRecordDecl);
            for (int index = 0; index < children.Count; index++)
            {
                var child = children[index];
                if (child.Kind is CXCursorKind.CXCursor_StructDecl or CXCursorKind.CXCursor_UnionDecl)
                {
                    if (!child.IsAnonymousRecordDecl) continue;   // the type of a following field, or a nested tag
                    var inner = new List<ImportedMember>();
                    string? why = Members(child, inner, indent + "    ");
                    if (why != null) return why;
                    string text = Inline(child, inner, indent, "");
                    into.Add(new ImportedMember("#anon" + anon++, text, null, child.Type.AlignOf, Doc(child)));
                    continue;
                }
                if (child.Kind != CXCursorKind.CXCursor_FieldDecl) continue;
                string name = child.Spelling;
                var st = _types.Map(child.Type);
                if (st.Unsupported != null) return $"member '{name}' of {st.Unsupported}";
                // A flexible (or zero-length) array is expressible as the last member, with one dimension: C's own rule.
                bool flexible = st.Dims.Count > 0 && (st.Dims[0] == CTypeMapper.FlexibleDim || st.Dims[0] == 0);
                if (flexible && index != last)
                    return $"member '{name}' of a flexible or zero-length array that is not the record's last member";
                if (st.Dims.Skip(1).Any(d => d <= 0) || flexible && st.Dims.Count > 1)
                    return $"member '{name}' of a flexible or zero-length array with more than one dimension (the spec language's have one)";
                if (child.IsBitField)
                {
                    // C's bitfield, laid out by the spec language with each ABI's rules (an unnamed one only moves the position).
                    if (st.Dims.Count > 0 || st.InlineRecord != null) return $"the bitfield '{name}' of a non-integer type";
                    string width = child.BitWidth.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    into.Add(new ImportedMember(name.Length > 0 ? name : "#bitfield" + anon++,
                        name.Length > 0 ? $"{st.Name} {name} : {width}" : $"{st.Name} : {width}", null, child.Type.AlignOf, Doc(child)));
                    continue;
                }
                string dims = string.Concat(st.Dims.Select(d => d == CTypeMapper.FlexibleDim ? "[]" : "[" + d.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]"));
                string line;
                if (st.InlineRecord is CXCursor rec)
                {
                    var inner = new List<ImportedMember>();
                    string? why = Members(rec, inner, indent + "    ");
                    if (why != null) return why;
                    line = Inline(rec, inner, indent, " " + name + dims);
                }
                else
                {
                    line = $"{st.Name} {name}{dims}";
                }
                // An alignment the type's canonical form does not have (uint64_aligned_t, aligned attributes).
                var ft = child.Type;
                long attribute = AlignedAttribute(child, record.Type.AlignOf);
                long align = Math.Max(ft.AlignOf, attribute), natural = ft.CanonicalType.AlignOf;
                // An aligned attribute is written on every ABI (harmless where the type is already that aligned), so
                // the member reads the same everywhere; a type's own extra alignment only where it has it.
                int? extra = attribute > 0 ? (int)align : align > natural ? (int)align : null;
                into.Add(new ImportedMember(name, line, extra, align, Doc(child)));
            }
            return null;
        }

        /// <summary>__attribute__((aligned(N))) written on the field itself (x86_32's uint64_aligned_t is such a macro),
        /// which the field's type does not carry; 0 when there is none. libclang does not visit the attribute's
        /// argument, so N is read where it is written; written inside a macro, where libclang cannot show it, N is
        /// taken as the record's alignment (an aligned member is what raises it; verify catches any other case).</summary>
        private static long AlignedAttribute(CXCursor field, long recordAlign)
        {
            long n = 0;
            foreach (var a in field.Children())
                if (a.Kind == CXCursorKind.CXCursor_AlignedAttr) n = Math.Max(n, AlignedArgument(a) ?? recordAlign);
            return n;
        }

        /// <summary>N of an aligned(N) attribute where its text shows it; null inside a macro.</summary>
        private static long? AlignedArgument(CXCursor attribute)
        {
            var m = System.Text.RegularExpressions.Regex.Match(attribute.SpelledText, @"aligned(?:__)?\s*\(\s*(\d+)\s*\)");
            return m.Success ? long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        }

        private static string Inline(CXCursor rec, List<ImportedMember> members, string indent, string suffix)
        {
            var sb = new StringBuilder(rec.Kind == CXCursorKind.CXCursor_UnionDecl ? "union {\n" : "struct {\n");
            foreach (var m in members) SpecText.Member(sb, m, indent + "    ", m.Align);
            sb.Append(indent).Append('}').Append(suffix);
            return sb.ToString();
        }

        /// <summary>A spec enum: every enumerator with the value clang gives it (on this ABI).</summary>
        private void ImportEnum(string name, CXCursor decl, CXCursor? named)
        {
            if (Items.ContainsKey(name) || _failed.Contains(name)) return;
            if (named != null) _namedByTypedef.Add(decl.Location);
            var members = new List<ImportedMember>();
            foreach (var k in decl.Children())
            {
                if (k.Kind != CXCursorKind.CXCursor_EnumConstantDecl) continue;
                if (k.EnumeratorValue(decl) is not long v)
                {
                    Problem(k, $"enum {name}'s {k.Spelling} is {clang.getEnumConstantDeclUnsignedValue(k)}, above the spec language's 64-bit signed " +
                        "constants; the enum is left out");
                    _failed.Add(name);
                    return;
                }
                members.Add(new ImportedMember(k.Spelling, k.Spelling + " = " + Number(v), null, 0, Doc(k)));
            }
            Items[name] = Item(ItemKind.Enum, name, named ?? decl) with { Members = members };
        }

        /// <summary>An enum no type name refers to: its enumerators are constants.</summary>
        private void ImportEnumerators(CXCursor e)
        {
            foreach (var k in e.Children())
            {
                if (k.Kind != CXCursorKind.CXCursor_EnumConstantDecl || Items.ContainsKey(k.Spelling)) continue;
                if (k.EnumeratorValue(e) is long v)
                    Items[k.Spelling] = Item(ItemKind.Constant, k.Spelling, k) with { Text = Number(v) };
                else
                    Problem(k, $"{k.Spelling} is {clang.getEnumConstantDeclUnsignedValue(k)}, above the spec language's 64-bit signed constants; it is left out");
            }
        }

        /// <summary>Object-like macros of the named headers that are integer constant expressions: each is captured
        /// as a variable clang evaluates; one that does not compile (strings, types, empty guards) is dropped and the
        /// rest parsed again.</summary>
        private void ImportMacros(List<(string Name, string File, int Line)> macros)
        {
            // The headers' own newest version is a fact about the release, not an ABI constant: the spec records it as 'imported_from'.
            var candidates = macros.Where(m => !Items.ContainsKey(m.Name) && m.Name != "__XEN_LATEST_INTERFACE_VERSION__")
                .GroupBy(m => m.Name).Select(g => g.First()).ToList();
            candidates.Add(("__XEN_INTERFACE_VERSION__", "", 0));   // the version imported at, which verify will pin
            for (int round = 0; round < 6 && candidates.Count > 0; round++)
            {
                var lines = new List<int>();
                using var unit = Parse(MainSource(candidates.Select(m => m.Name), lines), out string main);
                var bad = unit.ErrorLines(main);
                if (bad.Count > 0)
                {
                    int before = candidates.Count;
                    candidates = candidates.Where((m, i) => !bad.Contains(lines[i])).ToList();
                    if (candidates.Count < before) continue;
                    // An error no capture explains: say so rather than import no constants at all.
                    Problems.Add(new ImportProblem(DiagnosticIds.ImportUnsupported, main, 0, 0,
                        $"{_t.Name}: the macro constants could not be evaluated ({string.Join("; ", unit.Errors().Take(3))}); none are imported for this ABI"));
                    return;
                }
                var values = new Dictionary<string, long>(StringComparer.Ordinal);
                var kinds = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (var c in unit.Cursor.Children())
                {
                    if (c.Kind != CXCursorKind.CXCursor_VarDecl || HeaderReader.EvaluateInt(c) is not long v) continue;
                    string s = c.Spelling;
                    if (s.StartsWith(Capture, StringComparison.Ordinal)) values[s.Substring(Capture.Length)] = v;
                    else if (s.StartsWith(KindCapture, StringComparison.Ordinal)) kinds[s.Substring(KindCapture.Length)] = v;
                }
                foreach (var m in candidates)
                {
                    // An unsigned value above long.MaxValue (XEN_RUNSTATE_UPDATE, 1ULL << 63) keeps its 64 bits, as C's
                    // (long long) cast does, and verify compares those bits: docs/import.md.
                    if (values.TryGetValue(m.Name, out long v) && kinds.TryGetValue(m.Name, out long kind) && kind is >= 1 and <= 4)
                        Items[m.Name] = new ImportedItem(ItemKind.Constant, m.Name, m.File, m.Line, null) { Text = Number(v) };
                }
                return;
            }
            if (candidates.Count > 0)
                Problems.Add(new ImportProblem(DiagnosticIds.ImportUnsupported, "", 0, 0, $"{_t.Name}: the macro constants still did not compile after 6 rounds; none are imported for this ABI"));
        }

        /// <summary>Leaves out what the self-check found wrong (<see cref="ImportSelfCheck"/>), and what uses it.</summary>
        public void LeaveOut(IEnumerable<string> names)
        {
            foreach (var n in names)
                if (Items.Remove(n)) _failed.Add(n);
            DropBroken();
        }

        /// <summary>What in the C declaration of record <paramref name="name"/> the spec language has no word for, as a
        /// hint for why it lays out differently (read while the parse was alive); null when none was seen.</summary>
        public string? LayoutAttributes(string name) => _hints.TryGetValue(name, out var h) ? h : null;

        private readonly Dictionary<string, string> _hints = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>packed, an aligned record, an attribute libclang does not expose (#pragma pack, ms_struct), or an
        /// aligned(N) on a field written through a macro; null when none.</summary>
        private static string? Attributes(CXCursor decl)
        {
            var seen = new List<string>();
            foreach (var a in decl.Children())
            {
                if (a.Kind == CXCursorKind.CXCursor_PackedAttr) seen.Add("__attribute__((packed))");
                else if (a.Kind == CXCursorKind.CXCursor_AlignedAttr) seen.Add("an aligned attribute on the record");
                else if (a.Kind == CXCursorKind.CXCursor_UnexposedAttr) seen.Add("an attribute such as #pragma pack or ms_struct");
                else if (a.Kind == CXCursorKind.CXCursor_FieldDecl && a.Children().Any(x => x.Kind == CXCursorKind.CXCursor_AlignedAttr && AlignedArgument(x) == null))
                    seen.Add($"an aligned attribute on '{a.Spelling}' written through a macro, whose N libclang does not show");
            }
            return seen.Count == 0 ? null : string.Join(", ", seen.Distinct());
        }

        /// <summary>The declaration written under <paramref name="name"/>, if any.</summary>
        public ImportedItem? Find(string name) => Items.TryGetValue(name, out var i) ? i : null;

        /// <summary>Leaves out records and typedefs that use one that was left out.</summary>
        private void DropBroken()
        {
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (var item in Items.Values.ToList())
                {
                    var uses = item.Kind == ItemKind.Typedef ? new[] { item.Text } : item.Members.SelectMany(m => Words(m.Text));
                    var missing = uses.FirstOrDefault(u => _failed.Contains(u));
                    if (missing == null) continue;
                    Items.Remove(item.Name);
                    _failed.Add(item.Name);
                    Problems.Add(new ImportProblem(DiagnosticIds.ImportUnsupported, item.File, item.Line, 1,
                        $"{item.Name} uses {missing}, which was left out; it is left out too"));
                    changed = true;
                }
            }
        }

        private static IEnumerable<string> Words(string text)
            => text.Split(new[] { ' ', '\n', '[', ']', ';', '{', '}', '<', '>' }, StringSplitOptions.RemoveEmptyEntries);

        // ---------- helpers ----------

        /// <summary>A constant as the spec's 64-bit signed expressions can spell it (the smallest long has no literal).</summary>
        private static string Number(long v)
            => v == long.MinValue ? "-9223372036854775807 - 1" : v.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private ImportedItem Item(ItemKind kind, string name, CXCursor c)
        {
            var (file, line) = c.Location;
            return new ImportedItem(kind, name, file, line, Doc(c));
        }

        public int FileOrder(string file) => _fileOrder.TryGetValue(file, out int i) ? i : int.MaxValue;

        private void Problem(CXCursor c, string message)
        {
            var (file, line, column) = c.ExpansionLocation;
            Problems.Add(new ImportProblem(DiagnosticIds.ImportUnsupported, file, line, column, message));
        }

        private static string Kind(CXCursor c) => c.Kind == CXCursorKind.CXCursor_UnionDecl ? "union" : "struct";

        /// <summary>The C comment right before a declaration, as plain lines (markers and leading stars removed).</summary>
        private static string? Doc(CXCursor c)
        {
            string raw = c.RawComment;
            if (string.IsNullOrWhiteSpace(raw)) return null;
            var lines = raw.Replace("\r", "").Split('\n').Select(l => l.Trim())
                .Select(l => l.StartsWith("/**", StringComparison.Ordinal) ? l.Substring(3) : l.StartsWith("/*", StringComparison.Ordinal) ? l.Substring(2) : l.StartsWith("///", StringComparison.Ordinal) ? l.Substring(3) : l.StartsWith("//", StringComparison.Ordinal) ? l.Substring(2) : l)
                .Select(l => l.EndsWith("*/", StringComparison.Ordinal) ? l.Substring(0, l.Length - 2) : l)
                .Select(l => l.StartsWith("*", StringComparison.Ordinal) ? l.Substring(1) : l)
                .Select(l => l.Trim())
                .ToList();
            while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
            while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
            return lines.Count == 0 ? null : string.Join("\n", lines);
        }
    }
}
