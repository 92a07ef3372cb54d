#pragma warning disable CS8981 // lower-case on purpose: clang.createIndex reads as libclang's clang_createIndex
using System.Runtime.InteropServices;

namespace EvtchnAbiGen.Clang
{
    /// <summary>The libclang entry points the verifier (and the importer) use, named after the C functions
    /// without their clang_ prefix. "libclang" is resolved by <see cref="LibClang"/>.</summary>
    internal static unsafe partial class clang
    {
        internal const string LibraryPath = "libclang";

        // Runs before the first call binds any entry point, so no caller has to load libclang first; once,
        // as SetDllImportResolver allows one resolver per assembly (it leaves other names to the default search).
        static clang() => NativeLibrary.SetDllImportResolver(typeof(clang).Assembly, LibClang.Resolve);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_createIndex", ExactSpelling = true)]
        public static extern CXIndex createIndex(int excludeDeclarationsFromPCH, int displayDiagnostics);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_disposeIndex", ExactSpelling = true)]
        public static extern void disposeIndex(CXIndex index);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_parseTranslationUnit2", ExactSpelling = true)]
        public static extern CXErrorCode parseTranslationUnit2(CXIndex CIdx, sbyte* source_filename, sbyte** command_line_args,
            int num_command_line_args, CXUnsavedFile* unsaved_files, uint num_unsaved_files, uint options, CXTranslationUnit* out_TU);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_disposeTranslationUnit", ExactSpelling = true)]
        public static extern void disposeTranslationUnit(CXTranslationUnit param0);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getNumDiagnostics", ExactSpelling = true)]
        public static extern uint getNumDiagnostics(CXTranslationUnit Unit);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getDiagnostic", ExactSpelling = true)]
        public static extern CXDiagnostic getDiagnostic(CXTranslationUnit Unit, uint Index);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getDiagnosticSeverity", ExactSpelling = true)]
        public static extern CXDiagnosticSeverity getDiagnosticSeverity(CXDiagnostic param0);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_formatDiagnostic", ExactSpelling = true)]
        public static extern CXString formatDiagnostic(CXDiagnostic Diagnostic, uint Options);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_defaultDiagnosticDisplayOptions", ExactSpelling = true)]
        public static extern uint defaultDiagnosticDisplayOptions();

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_disposeDiagnostic", ExactSpelling = true)]
        public static extern void disposeDiagnostic(CXDiagnostic Diagnostic);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getTranslationUnitCursor", ExactSpelling = true)]
        public static extern CXCursor getTranslationUnitCursor(CXTranslationUnit param0);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_visitChildren", ExactSpelling = true)]
        public static extern uint visitChildren(CXCursor parent, delegate* unmanaged[Cdecl]<CXCursor, CXCursor, void*, CXChildVisitResult> visitor, void* client_data);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getCursorKind", ExactSpelling = true)]
        public static extern CXCursorKind getCursorKind(CXCursor param0);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getCursorSpelling", ExactSpelling = true)]
        public static extern CXString getCursorSpelling(CXCursor param0);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getCursorType", ExactSpelling = true)]
        public static extern CXType getCursorType(CXCursor C);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_isCursorDefinition", ExactSpelling = true)]
        public static extern uint isCursorDefinition(CXCursor param0);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_Cursor_isAnonymousRecordDecl", ExactSpelling = true)]
        public static extern uint Cursor_isAnonymousRecordDecl(CXCursor C);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_Cursor_getOffsetOfField", ExactSpelling = true)]
        public static extern long Cursor_getOffsetOfField(CXCursor C);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_Cursor_Evaluate", ExactSpelling = true)]
        public static extern CXEvalResult Cursor_Evaluate(CXCursor C);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_EvalResult_getKind", ExactSpelling = true)]
        public static extern CXEvalResultKind EvalResult_getKind(CXEvalResult E);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_EvalResult_getAsLongLong", ExactSpelling = true)]
        public static extern long EvalResult_getAsLongLong(CXEvalResult E);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_EvalResult_dispose", ExactSpelling = true)]
        public static extern void EvalResult_dispose(CXEvalResult E);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getEnumConstantDeclValue", ExactSpelling = true)]
        public static extern long getEnumConstantDeclValue(CXCursor C);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getEnumConstantDeclUnsignedValue", ExactSpelling = true)]
        public static extern ulong getEnumConstantDeclUnsignedValue(CXCursor C);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_Type_getSizeOf", ExactSpelling = true)]
        public static extern long Type_getSizeOf(CXType T);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_Type_getAlignOf", ExactSpelling = true)]
        public static extern long Type_getAlignOf(CXType T);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_Type_getOffsetOf", ExactSpelling = true)]
        public static extern long Type_getOffsetOf(CXType T, sbyte* S);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getCanonicalType", ExactSpelling = true)]
        public static extern CXType getCanonicalType(CXType T);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getTypeDeclaration", ExactSpelling = true)]
        public static extern CXCursor getTypeDeclaration(CXType T);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getCursorLocation", ExactSpelling = true)]
        public static extern CXSourceLocation getCursorLocation(CXCursor param0);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getSpellingLocation", ExactSpelling = true)]
        public static extern void getSpellingLocation(CXSourceLocation location, CXFile* file, uint* line, uint* column, uint* offset);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getFileName", ExactSpelling = true)]
        public static extern CXString getFileName(CXFile SFile);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getClangVersion", ExactSpelling = true)]
        public static extern CXString getClangVersion();

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_getCString", ExactSpelling = true)]
        public static extern sbyte* getCString(CXString @string);

        [DllImport(LibraryPath, CallingConvention = CallingConvention.Cdecl, EntryPoint = "clang_disposeString", ExactSpelling = true)]
        public static extern void disposeString(CXString @string);
    }
}
