using System.Globalization;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Spec;

namespace EvtchnAbiGen.Core.Emit
{
    // The shared page of a 'ring' gets io/ring.h's arithmetic: how many slots a ring of some bytes holds
    // (__CONST_RING_SIZE) and the slot an index names (RING_GET_REQUEST/RESPONSE), with this ABI's numbers.
    public sealed partial class CSharpEmitter
    {
        private static bool IsRingPage(RecordLayout r) => r.Ring != null && r.Name == RingTypes.Page(r.Ring);

        private void EmitRingPageMembers(RecordLayout r, string typeName)
        {
            var slots = r.Fields[r.Fields.Count - 1];
            string slot = CSharpNames.Escape(RingTypes.Entry(r.Ring!));
            string size = slots.Type.ElementSize.ToString(CultureInfo.InvariantCulture);
            string offset = slots.Offset.ToString(CultureInfo.InvariantCulture);
            const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";
            _w.Line();
            _w.Line($"/// <summary>The slots a shared ring of <paramref name=\"ringBytes\"/> bytes holds (Xen's __CONST_RING_SIZE, io/ring.h):");
            _w.Line($"/// the bytes after the {offset}-byte header over sizeof({RingTypes.Entry(r.Ring!)}) = {size}, rounded down to a power of two. 0 if none fits.</summary>");
            using (_w.Block($"public static uint SlotsFor(uint ringBytes)"))
            {
                _w.Line($"if (ringBytes < {offset}u + {size}u) return 0;");
                _w.Line($"uint n = (ringBytes - {offset}u) / {size}u;");
                _w.Line("n |= n >> 1; n |= n >> 2; n |= n >> 4; n |= n >> 8; n |= n >> 16;");
                _w.Line("return n - (n >> 1);");
            }
            _w.Line();
            _w.Line("/// <summary>The slot a free-running ring index names (RING_GET_REQUEST, RING_GET_RESPONSE): slot");
            _w.Line("/// <c>index &amp; (slots - 1)</c>, where <paramref name=\"slots\"/> is the ring's <see cref=\"SlotsFor\"/>, a power of two.");
            _w.Line("/// The page must lie in memory that holds that many slots.</summary>");
            _w.Line("[global::System.Diagnostics.CodeAnalysis.UnscopedRef]");
            _w.Line($"public ref {slot} Slot(uint index, uint slots) => ref {Unsafe}.Add(ref {Unsafe}.As<byte, {slot}>(ref {Unsafe}.AddByteOffset(" +
                    $"ref {Unsafe}.As<{typeName}, byte>(ref this), (nint){offset})), (nint)(index & (slots - 1)));");
        }
    }
}
