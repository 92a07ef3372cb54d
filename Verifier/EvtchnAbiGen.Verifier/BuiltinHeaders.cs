using System.Collections.Generic;

namespace EvtchnAbiGen.Verifier
{
    /// <summary>libclang finds stdint.h and stddef.h in its resource folder. A libclang without one (the NuGet
    /// libclang.runtime.* packages ship none) falls through to the host's glibc headers, which break for the
    /// cross targets and would give bogus layouts. Then the verifier brings its own two headers, made from
    /// clang's predefined type macros (right for each target), and parses with -nostdinc.</summary>
    internal static class BuiltinHeaders
    {
        private const string Dir = HeaderReader.VirtualRoot + "builtin/";
        private static readonly object Gate = new object();
        private static bool? _available;

        /// <summary>Tests set this to force (false) or forbid (true) the verifier's own headers.</summary>
        internal static bool? Override { get; set; }

        /// <summary>Whether the loaded libclang has its builtin headers: a probe parse of stddef.h for i386.</summary>
        public static bool Available()
        {
            if (Override is bool forced) return forced;
            lock (Gate)
            {
                if (_available is bool known) return known;
                _available = HeaderReader.Compiles("#include <stddef.h>\n#include <stdint.h>\nuint64_t probe;\n",
                    new List<string> { "-x", "c", "-std=gnu11", "-ffreestanding", "-target", "i386-linux-gnu" });
                return _available.Value;
            }
        }

        public static IEnumerable<string> Args => new[] { "-nostdinc", "-I", Dir };

        public static IEnumerable<(string Path, string Text)> Files => new[]
        {
            (Dir + "stdint.h", @"#ifndef EVTCHNABIGEN_STDINT_H
#define EVTCHNABIGEN_STDINT_H
typedef __INT8_TYPE__ int8_t;
typedef __INT16_TYPE__ int16_t;
typedef __INT32_TYPE__ int32_t;
typedef __INT64_TYPE__ int64_t;
typedef __UINT8_TYPE__ uint8_t;
typedef __UINT16_TYPE__ uint16_t;
typedef __UINT32_TYPE__ uint32_t;
typedef __UINT64_TYPE__ uint64_t;
typedef __INTPTR_TYPE__ intptr_t;
typedef __UINTPTR_TYPE__ uintptr_t;
typedef __INTMAX_TYPE__ intmax_t;
typedef __UINTMAX_TYPE__ uintmax_t;
#define EVTCHNABIGEN_CAT_(a, b) a##b
#define EVTCHNABIGEN_CAT(a, b) EVTCHNABIGEN_CAT_(a, b)
#define INT32_C(c) EVTCHNABIGEN_CAT(c, __INT32_C_SUFFIX__)
#define UINT32_C(c) EVTCHNABIGEN_CAT(c, __UINT32_C_SUFFIX__)
#define INT64_C(c) EVTCHNABIGEN_CAT(c, __INT64_C_SUFFIX__)
#define UINT64_C(c) EVTCHNABIGEN_CAT(c, __UINT64_C_SUFFIX__)
#endif
"),
            (Dir + "stddef.h", @"#ifndef EVTCHNABIGEN_STDDEF_H
#define EVTCHNABIGEN_STDDEF_H
typedef __SIZE_TYPE__ size_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;
typedef __WCHAR_TYPE__ wchar_t;
#define NULL ((void *)0)
#define offsetof(type, member) __builtin_offsetof(type, member)
#endif
"),
        };
    }
}
