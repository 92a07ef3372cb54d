// Our own thin binding to libclang's C API (clang-c/Index.h): ClangSharp's packages are not served by this
// project's NuGet mirror (NU1101). Internal, so it is no part of the assembly's API; the verifier and the
// importer share it. Types, fields and enum members keep libclang's C names so the C docs apply as written.
// Numeric values are from clang-c/Index.h (stable across LLVM 9..22).
#pragma warning disable CS0649
using System;

namespace EvtchnAbiGen.Clang
{
    internal unsafe partial struct CXIndex
    {
        public IntPtr Handle;
    }

    internal unsafe partial struct CXTranslationUnit
    {
        public IntPtr Handle;
    }

    internal unsafe partial struct CXDiagnostic
    {
        public IntPtr Handle;
    }

    internal unsafe partial struct CXEvalResult
    {
        public IntPtr Handle;
    }

    internal unsafe partial struct CXFile
    {
        public IntPtr Handle;
    }

    internal unsafe partial struct CXString
    {
        public void* data;
        public uint private_flags;
    }

    internal unsafe partial struct CXCursor
    {
        public CXCursorKind kind;
        public int xdata;
        public void* data0;
        public void* data1;
        public void* data2;
    }

    internal unsafe partial struct CXType
    {
        public CXTypeKind kind;
        public void* data0;
        public void* data1;
    }

    internal unsafe partial struct CXSourceLocation
    {
        public void* ptr_data0;
        public void* ptr_data1;
        public uint int_data;
    }

    internal unsafe partial struct CXSourceRange
    {
        public void* ptr_data0;
        public void* ptr_data1;
        public uint begin_int_data;
        public uint end_int_data;
    }

    internal unsafe partial struct CXUnsavedFile
    {
        public sbyte* Filename;
        public sbyte* Contents;
        public nuint Length;
    }

    internal enum CXCursorKind
    {
        CXCursor_StructDecl = 2,
        CXCursor_UnionDecl = 3,
        CXCursor_EnumDecl = 5,
        CXCursor_FieldDecl = 6,
        CXCursor_EnumConstantDecl = 7,
        CXCursor_VarDecl = 9,
        CXCursor_TypedefDecl = 20,
        CXCursor_TranslationUnit = 300,
        CXCursor_UnexposedAttr = 400,
        CXCursor_PackedAttr = 408,
        CXCursor_AlignedAttr = 441,
        CXCursor_MacroDefinition = 501,
    }

    internal enum CXTypeKind
    {
        CXType_Invalid = 0,
        CXType_Void = 2,
        CXType_Bool = 3,
        CXType_Char_U = 4,
        CXType_UChar = 5,
        CXType_UShort = 8,
        CXType_UInt = 9,
        CXType_ULong = 10,
        CXType_ULongLong = 11,
        CXType_UInt128 = 12,
        CXType_Char_S = 13,
        CXType_SChar = 14,
        CXType_Short = 16,
        CXType_Int = 17,
        CXType_Long = 18,
        CXType_LongLong = 19,
        CXType_Int128 = 20,
        CXType_Float = 21,
        CXType_Double = 22,
        CXType_LongDouble = 23,
        CXType_Pointer = 101,
        CXType_Record = 105,
        CXType_Enum = 106,
        CXType_Typedef = 107,
        CXType_FunctionNoProto = 110,
        CXType_FunctionProto = 111,
        CXType_ConstantArray = 112,
        CXType_IncompleteArray = 114,
        CXType_Elaborated = 119,
    }

    internal enum CXChildVisitResult
    {
        CXChildVisit_Break = 0,
        CXChildVisit_Continue = 1,
        CXChildVisit_Recurse = 2,
    }

    [Flags]
    internal enum CXTranslationUnit_Flags
    {
        CXTranslationUnit_None = 0x0,
        CXTranslationUnit_DetailedPreprocessingRecord = 0x01,
        CXTranslationUnit_Incomplete = 0x02,
        CXTranslationUnit_SkipFunctionBodies = 0x40,
    }

    internal enum CXErrorCode
    {
        CXError_Success = 0,
        CXError_Failure = 1,
        CXError_Crashed = 2,
        CXError_InvalidArguments = 3,
        CXError_ASTReadError = 4,
    }

    internal enum CXDiagnosticSeverity
    {
        CXDiagnostic_Ignored = 0,
        CXDiagnostic_Note = 1,
        CXDiagnostic_Warning = 2,
        CXDiagnostic_Error = 3,
        CXDiagnostic_Fatal = 4,
    }

    internal enum CXEvalResultKind
    {
        CXEval_UnExposed = 0,
        CXEval_Int = 1,
        CXEval_Float = 2,
        CXEval_ObjCStrLiteral = 3,
        CXEval_StrLiteral = 4,
        CXEval_CFStr = 5,
        CXEval_Other = 6,
    }
}
