using System;

namespace EvtchnAbiGen.Runtime
{
    /// <summary>The vcpu check every engine's public entry points share.</summary>
    internal static class VcpuIndex
    {
        public static int Check(int vcpu, int count)
        {
            if ((uint)vcpu >= (uint)count) throw new ArgumentOutOfRangeException(nameof(vcpu), vcpu, $"vcpus are 0..{count - 1}");
            return vcpu;
        }
    }
}
