using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EvtchnAbiGen.LayoutTests
{
    /// <summary>One member of a generated type as the .NET runtime lays it out.</summary>
    public sealed record MeasuredField(string Path, long Offset, long Size);

    public sealed record MeasuredStruct(string Name, long Size, long Align, IReadOnlyList<MeasuredField> Fields);

    /// <summary>Measures generated types in the running CLR, without reading [FieldOffset] or any
    /// generator output: offsets come from the address arithmetic of ldflda (what 'ref s.f' compiles
    /// to) and sizes from Unsafe.SizeOf. Paths are C offsetof paths: dotted through nested records.</summary>
    public static unsafe class DotNetLayout
    {
        public static IEnumerable<Type> GeneratedStructs(string abiNamespace)
            => typeof(DotNetLayout).Assembly.GetTypes()
                .Where(t => t.Namespace == abiNamespace && t.IsValueType && !t.IsNested && t.IsExplicitLayout)
                .OrderBy(t => t.Name, StringComparer.Ordinal);

        public static MeasuredStruct Measure(Type t)
        {
            var fields = new List<MeasuredField>();
            Walk(t, new List<MemberInfo>(), "", fields);
            return new MeasuredStruct(t.Name, SizeOf(t), AlignOf(t), fields);
        }

        /// <summary>C sizeof: 0 for a type with no instance fields (an empty C struct; .NET rounds it to 1).</summary>
        public static long SizeOf(Type t)
        {
            if (t.IsValueType && !t.IsPrimitive && t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Length == 0)
                return 0;
            return (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(t).Invoke(null, null)!;
        }

        /// <summary>Alignment as the offset of T after one byte in a sequential struct.</summary>
        public static long AlignOf(Type t)
        {
            var probe = typeof(AlignProbe<>).MakeGenericType(t);
            return OffsetOf(probe, new MemberInfo[] { probe.GetField(nameof(AlignProbe<byte>.Value))! });
        }

        private static void Walk(Type t, List<MemberInfo> chain, string prefix, List<MeasuredField> into)
        {
            var members = new List<(MemberInfo member, Type type)>();
            foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public))
                members.Add((f, f.FieldType));
            foreach (var p in t.GetProperties(BindingFlags.Instance | BindingFlags.Public))
                if (p.PropertyType.IsByRef && p.GetMethod != null)
                    members.Add((p, p.PropertyType.GetElementType()!));

            var measured = members
                .Select(m => (m.member, m.type, offset: OffsetOf(chain.Count == 0 ? t : chain[0].DeclaringType!, Append(chain, m.member))))
                .OrderBy(m => m.offset).ThenBy(m => m.member.Name, StringComparer.Ordinal);
            foreach (var (member, type, offset) in measured)
            {
                string path = prefix + member.Name;
                into.Add(new MeasuredField(path, offset, SizeOf(type)));
                if (IsRecord(type))
                    Walk(type, Append(chain, member), path + ".", into);
            }
        }

        private static bool IsRecord(Type t)
            => t.IsValueType && !t.IsPrimitive && t.IsExplicitLayout && t.GetCustomAttribute<InlineArrayAttribute>() == null;

        private static List<MemberInfo> Append(List<MemberInfo> chain, MemberInfo m) => new List<MemberInfo>(chain) { m };

        /// <summary>Emits: base pointer → ldflda/ref-getter per step → minus base.</summary>
        public static long OffsetOf(Type root, IReadOnlyList<MemberInfo> chain)
        {
            var dm = new DynamicMethod("offset_probe", typeof(long), new[] { typeof(IntPtr) }, typeof(DotNetLayout).Module, skipVisibility: true);
            var il = dm.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            foreach (var m in chain)
            {
                if (m is FieldInfo f) il.Emit(OpCodes.Ldflda, f);
                else il.Emit(OpCodes.Call, ((PropertyInfo)m).GetMethod!);
            }
            il.Emit(OpCodes.Conv_U);
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Sub);
            il.Emit(OpCodes.Conv_I8);
            il.Emit(OpCodes.Ret);
            var fn = dm.CreateDelegate<Func<IntPtr, long>>();
            // Nothing is dereferenced, but give it real, large-enough memory anyway.
            long size = Math.Max(1, SizeOf(root)) + 64;
            void* mem = NativeMemory.AllocZeroed((nuint)size);
            try
            {
                return fn((IntPtr)mem);
            }
            finally
            {
                NativeMemory.Free(mem);
            }
        }

        [StructLayout(LayoutKind.Sequential)]
        public struct AlignProbe<T>
        {
            public byte Pad;
            public T Value;
        }
    }
}
