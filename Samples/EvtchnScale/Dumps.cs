using System;
using System.Collections.Generic;
using System.IO;
using EvtchnAbiGen.Runtime;

namespace EvtchnScale
{
    /// <summary>Writes a mapped region's ABI structures as separate files, and the <c>evtchn-abi inspect</c>
    /// command that reads them into <c>DIR/inspect-commands.txt</c>.</summary>
    public static unsafe class Dumps
    {
        public static IReadOnlyList<string> Write(string dir, Config c, byte* region, int portLimit)
        {
            Directory.CreateDirectory(dir);
            string prefix = Path.Combine(dir, $"{c.MechanismName}-{c.WordBits}");
            string abi = c.WordBits == 32 ? X86_32Abi.Name : X86_64Abi.Name;
            var files = new List<string>();
            void Save(string suffix, int offset, int bytes)
            {
                string path = $"{prefix}-{suffix}.bin";
                File.WriteAllBytes(path, new ReadOnlySpan<byte>(region + offset, bytes).ToArray());
                files.Add(path);
            }
            string command;
            switch (c.Mechanism, c.WordBits)
            {
                case (Mechanism.TwoLevel, 32):
                    Save("shared-info", 0, X86_32Abi.SharedInfoSize);
                    command = $"inspect shared-info {prefix}-shared-info.bin --abi {abi}";
                    break;
                case (Mechanism.TwoLevel, _):
                    Save("shared-info", 0, X86_64Abi.SharedInfoSize);
                    command = $"inspect shared-info {prefix}-shared-info.bin --abi {abi}";
                    break;
                case (Mechanism.ThreeLevel, 32):
                    command = ThreeLevel<X86_32Abi>(Save, prefix, abi);
                    break;
                case (Mechanism.ThreeLevel, _):
                    command = ThreeLevel<X86_64Abi>(Save, prefix, abi);
                    break;
                default:
                    var o = FifoEngine<X86_64Abi>.RegionOffsets(portLimit, 1);
                    Save("array", o.Array, o.Control - o.Array);
                    Save("control", o.Control, o.SharedInfo - o.Control);
                    command = $"inspect fifo --array {prefix}-array.bin --control {prefix}-control.bin";
                    break;
            }
            File.AppendAllText(Path.Combine(dir, "inspect-commands.txt"), $"# {c.Label}\nevtchn-abi {command}\n");
            return files;
        }

        private static string ThreeLevel<TAbi>(Action<string, int, int> save, string prefix, string abi) where TAbi : struct, IEventAbi
        {
            var o = ThreeLevelEngine<TAbi>.RegionOffsets;
            save("pending", o.Pending, TAbi.ThreeLevelBitmapSize);
            save("mask", o.Mask, TAbi.ThreeLevelBitmapSize);
            save("l2", o.L2Selectors, TAbi.ThreeLevelSelectorSize);   // vcpu 0's, the only one the simulator uses
            save("shared-info", o.SharedInfo, TAbi.SharedInfoSize);
            return $"inspect 3l --pending {prefix}-pending.bin --mask {prefix}-mask.bin --l2 {prefix}-l2.bin --shared-info {prefix}-shared-info.bin --abi {abi}";
        }
    }
}
