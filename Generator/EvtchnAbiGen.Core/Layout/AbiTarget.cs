using System;
using System.Collections.Generic;

namespace EvtchnAbiGen.Core.Layout
{
    /// <summary>One C ABI: the data model and alignment rules that decide a struct's layout.
    /// This table is data, not code: the layout engine reads it and has no per-ABI branches.</summary>
    /// <param name="Int64Align">Alignment of 8-byte integers inside structs: 4 on i386 System V, 8 elsewhere.</param>
    /// <param name="HandleSize">sizeof(XEN_GUEST_HANDLE(T)): a pointer on x86; a union with uint64_aligned_t (8/8) on ARM.</param>
    /// <param name="UnnamedBitfieldsAlign">Whether unnamed bitfields (zero-width too) raise the record's alignment
    /// to their type's: yes under AAPCS32/AAPCS64 (a bit-field's container type counts like a plain member's,
    /// anonymous and zero-sized ones included), no under the x86 System V psABIs (unnamed bit-fields' types do not
    /// affect alignment). Both confirmed with clang-14 -fdump-record-layouts on each triple.</param>
    public sealed record AbiTarget(string Name, string CSharpName, string Arch, int PointerSize, int LongSize,
        int Int64Align, int HandleSize, int HandleAlign, string ClangTriple, bool UnnamedBitfieldsAlign)
    {
        // Sources: i386 and x86-64 System V psABIs, AAPCS32 (hard-float), AAPCS64; Xen's
        // public/arch-arm.h (__DEFINE_XEN_GUEST_HANDLE uses a union with uint64_aligned_t on ARM).
        public static readonly AbiTarget X86_32 = new AbiTarget("x86_32", "X86_32", "x86", 4, 4, 4, 4, 4, "i386-linux-gnu", false);
        public static readonly AbiTarget X86_64 = new AbiTarget("x86_64", "X86_64", "x86", 8, 8, 8, 8, 8, "x86_64-linux-gnu", false);
        public static readonly AbiTarget Arm32 = new AbiTarget("arm32", "Arm32", "arm", 4, 4, 8, 8, 8, "armv7-linux-gnueabihf", true);
        public static readonly AbiTarget Arm64 = new AbiTarget("arm64", "Arm64", "arm", 8, 8, 8, 8, 8, "aarch64-linux-gnu", true);

        public static IReadOnlyList<AbiTarget> All { get; } = new[] { X86_32, X86_64, Arm32, Arm64 };


        public static AbiTarget? Find(string name)
        {
            foreach (var t in All)
                if (string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)) return t;
            return null;
        }

        /// <summary>Every name a 'when' selector accepts. Selectors are case-sensitive, as the matching is.</summary>
        public static IReadOnlyList<string> SelectorNames { get; } = new[] { "x86_32", "x86_64", "arm32", "arm64", "x86", "arm", "ilp32", "lp64" };

        public static bool IsKnownSelector(string name) => Contains(SelectorNames, name);

        /// <summary>The selector <paramref name="name"/> means when case is ignored, or null.</summary>
        public static string? SelectorIgnoringCase(string name)
        {
            foreach (var s in SelectorNames)
                if (string.Equals(s, name, StringComparison.OrdinalIgnoreCase)) return s;
            return null;
        }

        public bool Matches(string selector) => selector switch
        {
            "ilp32" => PointerSize == 4,
            "lp64" => PointerSize == 8,
            _ => selector == Name || selector == Arch,
        };

        private static bool Contains(IReadOnlyList<string> list, string s)
        {
            foreach (var x in list)
                if (x == s) return true;
            return false;
        }
    }
}
