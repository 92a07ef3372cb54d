using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using EvtchnAbiGen.Clang;
using Xunit;

namespace EvtchnAbiGen.Verifier.Tests
{
    /// <summary>The internal libclang binding: not public, resolved without a set-up call, and the
    /// translation-unit wrapper the verifier and the importer share.</summary>
    public class ClangBindingTests
    {
        [Fact]
        public void The_binding_is_not_public_api()
        {
            var exported = typeof(LayoutVerifier).Assembly.GetExportedTypes();
            Assert.DoesNotContain(exported, t => t.Namespace == "EvtchnAbiGen.Clang");
            Assert.DoesNotContain(exported, t => t.Namespace != null && t.Namespace.StartsWith("ClangSharp", StringComparison.Ordinal));
            Assert.False(typeof(clang).IsPublic);
            Assert.False(typeof(CXCursor).IsPublic);
            Assert.False(typeof(LibClang).IsPublic);
        }

        [Fact]
        public void The_static_constructor_registers_the_one_resolver_of_the_assembly()
        {
            RuntimeHelpers.RunClassConstructor(typeof(clang).TypeHandle);
            // The runtime allows one resolver per assembly: a second registration fails once clang's is in.
            Assert.Throws<InvalidOperationException>(() =>
                NativeLibrary.SetDllImportResolver(typeof(clang).Assembly, (_, _, _) => IntPtr.Zero));
        }

        [Fact]
        public void The_resolver_loads_libclang_itself_and_leaves_other_names_alone()
        {
            var assembly = typeof(clang).Assembly;
            Assert.NotEqual(IntPtr.Zero, LibClang.Resolve("libclang", assembly, null));
            Assert.NotNull(LibClang.LoadedFrom);
            Assert.Equal(IntPtr.Zero, LibClang.Resolve("libm", assembly, null));
        }

        [Fact]
        public void An_explicit_path_after_the_first_use_is_an_error_not_ignored()
        {
            Fixture.LoadClang();
            Assert.Null(LibClang.Configure(null));
            Assert.Null(LibClang.Configure(LibClang.LoadedFrom));
            string? error = LibClang.Configure("/nonexistent/libclang.so");
            Assert.NotNull(error);
            Assert.Contains("already loaded from", error);
            Assert.Contains("/nonexistent/libclang.so", error);
            Assert.Null(LibClang.Load());
        }

        [Fact]
        public void A_translation_unit_parses_in_memory_files_and_frees_itself_once()
        {
            const string main = "/virtual/main.c";
            var err = TranslationUnit.TryParse(main, new[] { "-x", "c", "-I", "/virtual" },
                new[] { (main, "#include \"two.h\"\nstruct one { int a; struct two b; };\n"), ("/virtual/two.h", "struct two { char c; long long d; };\n") },
                CXTranslationUnit_Flags.CXTranslationUnit_SkipFunctionBodies, out var unit);
            Assert.Equal(CXErrorCode.CXError_Success, err);
            Assert.NotNull(unit);
            using (unit)
            {
                Assert.Empty(unit!.Errors());
                var names = unit.Cursor.Children().Where(c => c.Kind == CXCursorKind.CXCursor_StructDecl).Select(c => c.Spelling).ToList();
                Assert.Equal(new[] { "two", "one" }, names);
            }
            unit.Dispose();
            Assert.Throws<ObjectDisposedException>(() => unit.Handle);
        }

        [Fact]
        public void A_translation_unit_reports_clangs_errors()
        {
            const string main = "/virtual/bad.c";
            var err = TranslationUnit.TryParse(main, new[] { "-x", "c" }, new[] { (main, "struct s { this is not C; };\n") },
                CXTranslationUnit_Flags.CXTranslationUnit_None, out var unit);
            Assert.Equal(CXErrorCode.CXError_Success, err);
            using (unit)
            {
                var errors = unit!.Errors();
                Assert.NotEmpty(errors);
                Assert.StartsWith("/virtual/bad.c:1:", errors[0]);
                Assert.Contains("error:", errors[0]);
            }
        }
    }
}
