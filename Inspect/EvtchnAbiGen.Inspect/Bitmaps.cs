using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Numerics;

namespace EvtchnAbiGen.Inspect
{
    /// <summary>Little-endian words of 4 or 8 bytes (every supported ABI is little-endian), and their set bits.
    /// In a bitmap of W-bit words, bit n is bit n % W of word n / W.</summary>
    internal static class Bitmaps
    {
        public static ulong Word(ReadOnlySpan<byte> bytes, int offset, int size)
            => size == 4 ? BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(offset, 4)) : BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(offset, 8));

        public static ulong[] Words(ReadOnlySpan<byte> bytes, int offset, int count, int size)
        {
            var words = new ulong[count];
            for (int i = 0; i < count; i++) words[i] = Word(bytes, offset + i * size, size);
            return words;
        }

        public static List<int> SetBits(ulong word)
        {
            var bits = new List<int>();
            while (word != 0)
            {
                bits.Add(BitOperations.TrailingZeroCount(word));
                word &= word - 1;
            }
            return bits;
        }

        /// <summary>The set bits of a bitmap, as bit numbers, ascending.</summary>
        public static List<uint> Ports(ulong[] words, int wordBits)
        {
            var ports = new List<uint>();
            for (int w = 0; w < words.Length; w++)
                foreach (int b in SetBits(words[w])) ports.Add((uint)(w * wordBits + b));
            return ports;
        }

        public static bool Test(ulong[] words, long bit, int wordBits) => (words[bit / wordBits] >> (int)(bit % wordBits) & 1) != 0;

        public static string Hex(ulong value, int wordBits) => "0x" + value.ToString(wordBits == 32 ? "x8" : "x16");
    }
}
