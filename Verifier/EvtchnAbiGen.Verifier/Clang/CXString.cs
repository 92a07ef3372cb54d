using System;
using System.Runtime.InteropServices;

namespace EvtchnAbiGen.Clang
{
    /// <summary>A string owned by libclang: reading does not free it, <see cref="Dispose"/> does.
    /// Copies share one buffer, so dispose exactly one of them.</summary>
    internal unsafe partial struct CXString : IDisposable
    {
        public readonly override string ToString()
        {
            var p = clang.getCString(this);
            return p == null ? "" : Marshal.PtrToStringUTF8((IntPtr)p) ?? "";
        }

        /// <summary>Frees the buffer, then zeroes this value: libclang treats a null, unmanaged string as
        /// nothing to free, so a second Dispose of the same variable is a no-op.</summary>
        public void Dispose()
        {
            clang.disposeString(this);
            data = null;
            private_flags = 0;
        }
    }

    internal static class CXStringExtensions
    {
        /// <summary>Reads a string libclang just returned, then frees it.</summary>
        public static string Take(this CXString s)
        {
            try
            {
                return s.ToString();
            }
            finally
            {
                s.Dispose();
            }
        }
    }
}
