using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EvtchnAbiGen.Clang
{
    // Read-only conveniences over the raw entry points, so callers need no pointers for the common queries.
    internal unsafe partial struct CXCursor
    {
        public CXCursorKind Kind => clang.getCursorKind(this);

        public string Spelling => clang.getCursorSpelling(this).Take();

        public CXType Type => clang.getCursorType(this);

        public bool IsDefinition => clang.isCursorDefinition(this) != 0;

        public bool IsAnonymousRecordDecl => clang.Cursor_isAnonymousRecordDecl(this) != 0;

        public long OffsetOfField => clang.Cursor_getOffsetOfField(this);

        /// <summary>An enumerator's value as C has it, read through the enum's integer type (<paramref name="enumDecl"/>):
        /// 0xffffffffu in an unsigned enum is 4294967295, not -1. Null when it is above long.MaxValue.</summary>
        public long? EnumeratorValue(CXCursor enumDecl)
        {
            var kind = clang.getEnumDeclIntegerType(enumDecl).CanonicalType.kind;
            if (kind is not (CXTypeKind.CXType_UInt or CXTypeKind.CXType_ULong or CXTypeKind.CXType_ULongLong or CXTypeKind.CXType_UShort
                or CXTypeKind.CXType_UChar or CXTypeKind.CXType_Char_U or CXTypeKind.CXType_Bool))
                return clang.getEnumConstantDeclValue(this);
            ulong u = clang.getEnumConstantDeclUnsignedValue(this);
            return u > long.MaxValue ? null : (long)u;
        }

        /// <summary>The direct children, collected with clang_visitChildren.</summary>
        public List<CXCursor> Children()
        {
            var list = new List<CXCursor>();
            var handle = GCHandle.Alloc(list);
            try
            {
                clang.visitChildren(this, &Collect, (void*)GCHandle.ToIntPtr(handle));
            }
            finally
            {
                handle.Free();
            }
            return list;
        }

        /// <summary>File path and 1-based line of the cursor's spelling location.</summary>
        public (string File, int Line) Location
        {
            get
            {
                CXFile file;
                uint line, column, offset;
                clang.getSpellingLocation(clang.getCursorLocation(this), &file, &line, &column, &offset);
                return (CXFilePath.Of(file), (int)line);
            }
        }

        [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
        private static CXChildVisitResult Collect(CXCursor cursor, CXCursor parent, void* data)
        {
            var list = (List<CXCursor>)GCHandle.FromIntPtr((IntPtr)data).Target!;
            list.Add(cursor);
            return CXChildVisitResult.CXChildVisit_Continue;
        }
    }

    internal unsafe partial struct CXType
    {
        public long SizeOf => clang.Type_getSizeOf(this);

        public long AlignOf => clang.Type_getAlignOf(this);

        public CXType CanonicalType => clang.getCanonicalType(this);

        public CXCursor Declaration => clang.getTypeDeclaration(this);
    }
}
