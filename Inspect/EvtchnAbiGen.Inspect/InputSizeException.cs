using System;

namespace EvtchnAbiGen.Inspect
{
    /// <summary>An inspector was given bytes of the wrong length. <see cref="Input"/> names the input
    /// ("shared_info", "event array", ...), <see cref="Expected"/> says what its length should be (the same text
    /// the geometry's Check* methods return) and <see cref="Actual"/> is what it was.</summary>
    public sealed class InputSizeException : ArgumentException
    {
        public InputSizeException(string input, string expected, long actual)
            : base($"{input}: {actual} bytes, expected {expected}")
        {
            Input = input;
            Expected = expected;
            Actual = actual;
        }

        public string Input { get; }
        public string Expected { get; }
        public long Actual { get; }

        internal static void ThrowIf(string? expected, string input, long actual)
        {
            if (expected != null) throw new InputSizeException(input, expected, actual);
        }
    }
}
