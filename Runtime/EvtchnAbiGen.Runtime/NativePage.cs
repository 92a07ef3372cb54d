using System;
using System.Runtime.InteropServices;

namespace EvtchnAbiGen.Runtime
{
    /// <summary>Zeroed, page-aligned native memory: what Xen and a guest would share.</summary>
    internal static unsafe class NativePage
    {
        public const int Size = 4096;

        public static T* Alloc<T>(int count = 1) where T : unmanaged
        {
            nuint bytes = (nuint)Math.Max(1, sizeof(T) * count);
            void* p = NativeMemory.AlignedAlloc(bytes, Size);
            NativeMemory.Clear(p, bytes);
            return (T*)p;
        }

        public static void Free(void* p)
        {
            if (p != null) NativeMemory.AlignedFree(p);
        }
    }
}
