using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

namespace EvtchnAbiGen.Clang
{
    /// <summary>One parse with its own index, freed together by <see cref="Dispose"/>: callers (the verifier,
    /// the importer) then cannot leak either or free them in the wrong order. Sources may be in-memory files.</summary>
    internal sealed unsafe class TranslationUnit : IDisposable
    {
        private CXIndex _index;
        private CXTranslationUnit _unit;

        private TranslationUnit(CXIndex index, CXTranslationUnit unit)
        {
            _index = index;
            _unit = unit;
        }

        public CXTranslationUnit Handle
            => _unit.Handle != IntPtr.Zero ? _unit : throw new ObjectDisposedException(nameof(TranslationUnit));

        /// <summary>The root cursor: its children are the file-level declarations.</summary>
        public CXCursor Cursor => clang.getTranslationUnitCursor(Handle);

        /// <summary>Parses <paramref name="mainFile"/> with clang command-line <paramref name="args"/>; any of
        /// <paramref name="unsavedFiles"/> (the main file too) is read from memory instead of disk. On anything but
        /// CXError_Success, <paramref name="unit"/> is null and nothing is left to free.</summary>
        public static CXErrorCode TryParse(string mainFile, IReadOnlyList<string> args, IReadOnlyList<(string Path, string Text)> unsavedFiles,
            CXTranslationUnit_Flags options, out TranslationUnit? unit)
        {
            unit = null;
            var index = clang.createIndex(0, 0);
            var tu = default(CXTranslationUnit);
            // libclang copies what it needs during the call, so the UTF-8 copies live only until it returns.
            var allocs = new List<IntPtr>();
            sbyte* Utf8(string s)
            {
                var p = Marshal.StringToCoTaskMemUTF8(s);
                allocs.Add(p);
                return (sbyte*)p;
            }
            CXErrorCode err;
            try
            {
                var argv = new sbyte*[args.Count];
                for (int i = 0; i < args.Count; i++) argv[i] = Utf8(args[i]);
                var files = new CXUnsavedFile[unsavedFiles.Count];
                for (int i = 0; i < files.Length; i++)
                {
                    files[i].Filename = Utf8(unsavedFiles[i].Path);
                    files[i].Contents = Utf8(unsavedFiles[i].Text);
                    files[i].Length = (nuint)Encoding.UTF8.GetByteCount(unsavedFiles[i].Text);
                }
                fixed (sbyte** pArgs = argv)
                fixed (CXUnsavedFile* pFiles = files)
                {
                    err = clang.parseTranslationUnit2(index, Utf8(mainFile), pArgs, argv.Length, pFiles, (uint)files.Length, (uint)options, &tu);
                }
            }
            finally
            {
                foreach (var p in allocs) Marshal.FreeCoTaskMem(p);
            }
            if (err != CXErrorCode.CXError_Success || tu.Handle == IntPtr.Zero)
            {
                if (tu.Handle != IntPtr.Zero) clang.disposeTranslationUnit(tu);
                clang.disposeIndex(index);
                return err == CXErrorCode.CXError_Success ? CXErrorCode.CXError_Failure : err;
            }
            unit = new TranslationUnit(index, tu);
            return err;
        }

        /// <summary>Whether <paramref name="mainFile"/> parses with no error (a probe: of libclang, of a header).</summary>
        public static bool Compiles(string mainFile, IReadOnlyList<string> args, IReadOnlyList<(string Path, string Text)> unsavedFiles)
        {
            var err = TryParse(mainFile, args, unsavedFiles, CXTranslationUnit_Flags.CXTranslationUnit_SkipFunctionBodies, out var unit);
            using (unit) return err == CXErrorCode.CXError_Success && unit!.Errors().Count == 0;
        }

        /// <summary>Clang's errors and fatal errors, formatted as clang prints them (file:line:col: error: ...).</summary>
        public List<string> Errors()
        {
            var errors = new List<string>();
            var tu = Handle;
            uint n = clang.getNumDiagnostics(tu);
            for (uint i = 0; i < n; i++)
            {
                var d = clang.getDiagnostic(tu, i);
                if (clang.getDiagnosticSeverity(d) >= CXDiagnosticSeverity.CXDiagnostic_Error)
                    errors.Add(clang.formatDiagnostic(d, clang.defaultDiagnosticDisplayOptions()).Take());
                clang.disposeDiagnostic(d);
            }
            return errors;
        }

        /// <summary>The lines of <paramref name="file"/> where an error was reported, at their expansion location
        /// (an error inside a macro counts at the line that used the macro).</summary>
        public HashSet<int> ErrorLines(string file)
        {
            var lines = new HashSet<int>();
            string wanted = System.IO.Path.GetFullPath(file);
            var tu = Handle;
            uint n = clang.getNumDiagnostics(tu);
            for (uint i = 0; i < n; i++)
            {
                var d = clang.getDiagnostic(tu, i);
                if (clang.getDiagnosticSeverity(d) >= CXDiagnosticSeverity.CXDiagnostic_Error)
                {
                    CXFile f;
                    uint line, column, offset;
                    clang.getExpansionLocation(clang.getDiagnosticLocation(d), &f, &line, &column, &offset);
                    if (CXFilePath.Of(f) == wanted) lines.Add((int)line);
                }
                clang.disposeDiagnostic(d);
            }
            return lines;
        }

        /// <summary>Frees the unit, then its index (the unit belongs to the index). A second call does nothing.</summary>
        public void Dispose()
        {
            if (_unit.Handle != IntPtr.Zero) clang.disposeTranslationUnit(_unit);
            if (_index.Handle != IntPtr.Zero) clang.disposeIndex(_index);
            _unit = default;
            _index = default;
        }
    }
}
