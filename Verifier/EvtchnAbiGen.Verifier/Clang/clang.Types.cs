#pragma warning disable CS8981 // lower-case on purpose, as in clang.cs
using System.Runtime.InteropServices;

namespace EvtchnAbiGen.Clang
{
    // The entry points the importer adds: walking C types (typedefs, pointers, arrays, enums), bitfields,
    // macros, comments and diagnostic locations.
    internal static unsafe partial class clang
    {
        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getTypeSpelling", ExactSpelling = true)]
        public static extern CXString getTypeSpelling(CXType CT);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getTypedefDeclUnderlyingType", ExactSpelling = true)]
        public static extern CXType getTypedefDeclUnderlyingType(CXCursor C);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getPointeeType", ExactSpelling = true)]
        public static extern CXType getPointeeType(CXType T);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getArrayElementType", ExactSpelling = true)]
        public static extern CXType getArrayElementType(CXType T);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getArraySize", ExactSpelling = true)]
        public static extern long getArraySize(CXType T);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_Type_getNamedType", ExactSpelling = true)]
        public static extern CXType Type_getNamedType(CXType T);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getEnumDeclIntegerType", ExactSpelling = true)]
        public static extern CXType getEnumDeclIntegerType(CXCursor C);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_Cursor_isBitField", ExactSpelling = true)]
        public static extern uint Cursor_isBitField(CXCursor C);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getFieldDeclBitWidth", ExactSpelling = true)]
        public static extern int getFieldDeclBitWidth(CXCursor C);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_Cursor_isMacroFunctionLike", ExactSpelling = true)]
        public static extern uint Cursor_isMacroFunctionLike(CXCursor C);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_Cursor_getRawCommentText", ExactSpelling = true)]
        public static extern CXString Cursor_getRawCommentText(CXCursor C);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getDiagnosticLocation", ExactSpelling = true)]
        public static extern CXSourceLocation getDiagnosticLocation(CXDiagnostic param0);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getCursorExtent", ExactSpelling = true)]
        public static extern CXSourceRange getCursorExtent(CXCursor C);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getRangeStart", ExactSpelling = true)]
        public static extern CXSourceLocation getRangeStart(CXSourceRange range);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getRangeEnd", ExactSpelling = true)]
        public static extern CXSourceLocation getRangeEnd(CXSourceRange range);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getExpansionLocation", ExactSpelling = true)]
        public static extern void getExpansionLocation(CXSourceLocation location, CXFile* file, uint* line, uint* column, uint* offset);
    }

    internal unsafe partial struct CXType
    {
        public string Spelling => clang.getTypeSpelling(this).Take();

        public CXType Pointee => clang.getPointeeType(this);

        public CXType ElementType => clang.getArrayElementType(this);

        public long ArraySize => clang.getArraySize(this);

        /// <summary>The type an elaborated type ('struct foo', a typedef name in C mode) names.</summary>
        public CXType Named => kind == CXTypeKind.CXType_Elaborated ? clang.Type_getNamedType(this) : this;
    }

    internal unsafe partial struct CXCursor
    {
        public CXType TypedefUnderlying => clang.getTypedefDeclUnderlyingType(this);

        public bool IsBitField => clang.Cursor_isBitField(this) != 0;

        public int BitWidth => clang.getFieldDeclBitWidth(this);

        public bool IsMacroFunctionLike => clang.Cursor_isMacroFunctionLike(this) != 0;

        public string RawComment => clang.Cursor_getRawCommentText(this).Take();

        /// <summary>The source text the cursor spans, at its spelling location (inside a macro's definition when it
        /// came from one), or "" when the file cannot be read.</summary>
        public string SpelledText
        {
            get
            {
                var range = clang.getCursorExtent(this);
                CXFile f1, f2;
                uint l, c, start, end;
                clang.getSpellingLocation(clang.getRangeStart(range), &f1, &l, &c, &start);
                clang.getSpellingLocation(clang.getRangeEnd(range), &f2, &l, &c, &end);
                if (f1.Handle == System.IntPtr.Zero || end <= start) return "";
                string path = CXFilePath.Of(f1);
                if (!System.IO.File.Exists(path)) return "";
                var bytes = System.IO.File.ReadAllBytes(path);
                return end > bytes.Length ? "" : System.Text.Encoding.UTF8.GetString(bytes, (int)start, (int)(end - start));
            }
        }

        /// <summary>File, line and column of the cursor's expansion location (where a macro was used).</summary>
        public (string File, int Line, int Column) ExpansionLocation
        {
            get
            {
                CXFile file;
                uint line, column, offset;
                clang.getExpansionLocation(clang.getCursorLocation(this), &file, &line, &column, &offset);
                return (CXFilePath.Of(file), (int)line, (int)column);
            }
        }
    }
}
