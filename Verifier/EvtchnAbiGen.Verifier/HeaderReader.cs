using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using EvtchnAbiGen.Clang;
using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Verifier
{
    /// <summary>Parses the headers once per ABI (as C, freestanding, for the ABI's ELF triple) and reads
    /// the records and constants the specs name. A parse with any error is refused: a failed parse
    /// silently yields sizes of 1 and offsets of -1.</summary>
    public static unsafe class HeaderReader
    {
        public const string VirtualRoot = "/__evtchnabigen__/";
        private const string ConstPrefix = "__evtchnabigen_const_";

        public static CAbiLayout Read(AbiTarget target, HeaderSet headers, ICollection<string> recordNames, ICollection<string> constantNames,
            string interfaceVersion = "__XEN_LATEST_INTERFACE_VERSION__", ICollection<string>? enumNames = null)
        {
            var wantedEnums = new HashSet<string>(enumNames ?? System.Array.Empty<string>());
            var enums = new Dictionary<string, CEnum>();
            string main = VirtualRoot + "verify.c";
            var unsaved = new List<(string path, string text)> { (main, MainSource(headers, constantNames)) };
            unsaved.AddRange(headers.Extra.Select(e => (VirtualRoot + e.Name, e.Text)));

            var args = new List<string>
            {
                "-x", "c", "-std=gnu11", "-ffreestanding", "-target", target.ClangTriple,
                // Compile at the interface version the specs pin, as a guest that pins it does.
                "-D__XEN_INTERFACE_VERSION__=" + interfaceVersion,
                "-I", headers.IncludeRoot,
            };
            args.AddRange(headers.ExtraClangArgs);
            if (!BuiltinHeaders.Available())
            {
                // Ahead of the include root: that may be /usr/include, whose glibc stdint.h must not win.
                args.InsertRange(args.IndexOf("-I"), BuiltinHeaders.Args);
                unsaved.AddRange(BuiltinHeaders.Files);
            }

            var err = TranslationUnit.TryParse(main, args, unsaved, CXTranslationUnit_Flags.CXTranslationUnit_SkipFunctionBodies, out var unit);
            using (unit)
            {
                if (err != CXErrorCode.CXError_Success)
                    throw new VerifierSetupException($"{target.Name}: libclang failed to parse the headers ({err})");
                CheckDiagnostics(unit!, target);

                var records = new Dictionary<string, CRecord>();
                var constants = new Dictionary<string, long>();
                var wanted = new HashSet<string>(recordNames);
                foreach (var c in unit!.Cursor.Children())
                {
                    switch (c.Kind)
                    {
                        case CXCursorKind.CXCursor_StructDecl:
                        case CXCursorKind.CXCursor_UnionDecl:
                            ReadRecords(c, wanted, records, ReadEnumDecl);
                            break;
                        case CXCursorKind.CXCursor_TypedefDecl:
                            // typedef struct { ... } name_t: the record is known by the typedef's name (as the importer names it).
                            string td = c.Spelling;
                            var under = c.TypedefUnderlying.Named;
                            if (wanted.Contains(td) && !records.ContainsKey(td) && under.kind == CXTypeKind.CXType_Record
                                && Import.CTypeMapper.IsUnnamed(under.Declaration))
                                records[td] = ReadRecord(under.Declaration, td);
                            // typedef enum { ... } name_t: likewise.
                            if (wantedEnums.Contains(td) && !enums.ContainsKey(td) && under.kind == CXTypeKind.CXType_Enum
                                && Import.CTypeMapper.IsUnnamed(under.Declaration))
                                enums[td] = ReadEnum(under.Declaration, td);
                            break;
                        case CXCursorKind.CXCursor_VarDecl:
                            string v = c.Spelling;
                            if (v.StartsWith(ConstPrefix, StringComparison.Ordinal) && EvaluateInt(c) is long value)
                                constants[v.Substring(ConstPrefix.Length)] = value;
                            break;
                        case CXCursorKind.CXCursor_EnumDecl:
                            ReadEnumDecl(c);
                            break;
                    }
                }
                return new CAbiLayout(target, records, constants) { Enums = enums };

                void ReadEnumDecl(CXCursor c)
                {
                    if (c.IsDefinition && wantedEnums.Contains(c.Spelling) && !enums.ContainsKey(c.Spelling)) enums[c.Spelling] = ReadEnum(c, c.Spelling);
                    foreach (var e in c.Children())
                        if (e.Kind == CXCursorKind.CXCursor_EnumConstantDecl && constantNames.Contains(e.Spelling) && !constants.ContainsKey(e.Spelling)
                            && e.EnumeratorValue(c) is long ev)
                            constants[e.Spelling] = ev;
                }
            }
        }

        /// <summary>The one C file: the headers, then each spec constant captured as a variable that
        /// clang can evaluate (macros are only visible this way), guarded so a missing one is no error.</summary>
        private static string MainSource(HeaderSet headers, IEnumerable<string> constantNames)
        {
            var sb = new StringBuilder();
            sb.Append("#include <stdint.h>\n#include <stddef.h>\n");
            foreach (var h in headers.Includes) sb.Append("#include <").Append(h).Append(">\n");
            foreach (var e in headers.Extra) sb.Append("#include \"").Append(VirtualRoot).Append(e.Name).Append("\"\n");
            foreach (var n in constantNames)
                sb.Append("#ifdef ").Append(n).Append("\nstatic const long long ").Append(ConstPrefix).Append(n)
                  .Append(" = (long long)(").Append(n).Append(");\n#endif\n");
            return sb.ToString();
        }

        /// <summary>Whether <paramref name="source"/> parses without errors (used to probe libclang).</summary>
        internal static bool Compiles(string source, List<string> args)
        {
            string main = VirtualRoot + "probe.c";
            return TranslationUnit.Compiles(main, args, new List<(string, string)> { (main, source) });
        }

        private static void CheckDiagnostics(TranslationUnit unit, AbiTarget target)
        {
            var errors = unit.Errors();
            if (errors.Count > 0)
                throw new VerifierSetupException($"{target.Name} ({target.ClangTriple}): the headers do not compile:\n  " +
                    string.Join("\n  ", errors.Take(10)) + (errors.Count > 10 ? $"\n  ... and {errors.Count - 10} more" : ""));
        }

        /// <summary>A wanted record, and the named records and enums defined inside it (C puts their tags in file scope;
        /// an enum goes to <paramref name="nestedEnum"/>).</summary>
        private static void ReadRecords(CXCursor c, HashSet<string> wanted, Dictionary<string, CRecord> records, Action<CXCursor> nestedEnum)
        {
            string name = c.Spelling;
            if (c.IsDefinition && wanted.Contains(name) && !records.ContainsKey(name))
                records[name] = ReadRecord(c, name);
            foreach (var child in c.Children())
            {
                if (child.Kind is CXCursorKind.CXCursor_StructDecl or CXCursorKind.CXCursor_UnionDecl) ReadRecords(child, wanted, records, nestedEnum);
                else if (child.Kind == CXCursorKind.CXCursor_EnumDecl) nestedEnum(child);
            }
        }

        private static CEnum ReadEnum(CXCursor c, string name)
        {
            var (file, line) = c.Location;
            return new CEnum(name, c.Type.SizeOf, c.Type.AlignOf, file, line);
        }

        private static CRecord ReadRecord(CXCursor c, string name)
        {
            var fields = new List<CField>();
            OffsetofPaths.Walk<CXCursor, CXCursor, ClangMembers>(default, c,
                (string path, long offset, int depth, in RecordMember<CXCursor, CXCursor> m) =>
                {
                    var (file, line) = m.Member.Location;
                    // clang gives a field's offset in bits from the record that holds it; m.Offset is that in bytes.
                    long bits = (offset - m.Offset) * 8 + (m.Member.Kind == CXCursorKind.CXCursor_FieldDecl ? m.Member.OffsetOfField : m.Offset * 8);
                    fields.Add(new CField(path, offset, m.Size, file, line)
                    {
                        BitWidth = m.Member.Kind == CXCursorKind.CXCursor_FieldDecl && m.Member.IsBitField ? m.Member.BitWidth : 0,
                        BitOffset = bits,
                    });
                });
            var t = c.Type;
            var (rfile, rline) = c.Location;
            return new CRecord(name, c.Kind == CXCursorKind.CXCursor_UnionDecl, t.SizeOf, t.AlignOf, fields, rfile, rline);
        }

        /// <summary>A record's members as clang laid them out, for the one offsetof walk the emitter also uses.</summary>
        private readonly struct ClangMembers : IRecordMembers<CXCursor, CXCursor>
        {
            public IEnumerable<RecordMember<CXCursor, CXCursor>> Members(CXCursor record)
            {
                foreach (var child in record.Children())
                {
                    if (child.Kind == CXCursorKind.CXCursor_FieldDecl)
                    {
                        // An unnamed bitfield only moves the layout position; C has no member to name (nor has the spec).
                        if (child.IsBitField && child.Spelling.Length == 0) continue;
                        var type = child.Type;
                        var canonical = type.CanonicalType;
                        bool nested = canonical.kind == CXTypeKind.CXType_Record;   // arrays are not entered
                        // A flexible array member ('T x[]') has no sizeof; it occupies 0 bytes, as GNU's 'T x[0]' does.
                        long size = canonical.kind == CXTypeKind.CXType_IncompleteArray ? 0 : type.SizeOf;
                        yield return new RecordMember<CXCursor, CXCursor>(child.Spelling, child.OffsetOfField / 8, size, child,
                            nested, nested ? canonical.Declaration : default);
                    }
                    else if ((child.Kind == CXCursorKind.CXCursor_StructDecl || child.Kind == CXCursorKind.CXCursor_UnionDecl) && child.IsAnonymousRecordDecl)
                    {
                        // An anonymous member: locate it in the parent through the offset of its first field,
                        // which clang_Type_getOffsetOf finds by name.
                        var first = child.Children().FirstOrDefault(x => x.Kind == CXCursorKind.CXCursor_FieldDecl);
                        if (first.kind != CXCursorKind.CXCursor_FieldDecl) continue;
                        long inParent = OffsetOf(record.Type, first.Spelling);
                        yield return new RecordMember<CXCursor, CXCursor>(null, inParent / 8 - first.OffsetOfField / 8, child.Type.SizeOf, child, true, child);
                    }
                }
            }
        }

        private static long OffsetOf(CXType type, string field)
        {
            var p = Marshal.StringToCoTaskMemUTF8(field);
            try
            {
                return clang.Type_getOffsetOf(type, (sbyte*)p);
            }
            finally
            {
                Marshal.FreeCoTaskMem(p);
            }
        }

        internal static long? EvaluateInt(CXCursor c)
        {
            var r = clang.Cursor_Evaluate(c);
            if (r.Handle == IntPtr.Zero) return null;
            try
            {
                return clang.EvalResult_getKind(r) == CXEvalResultKind.CXEval_Int ? clang.EvalResult_getAsLongLong(r) : null;
            }
            finally
            {
                clang.EvalResult_dispose(r);
            }
        }
    }
}
