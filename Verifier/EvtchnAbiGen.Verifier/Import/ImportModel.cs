using System.Collections.Generic;

namespace EvtchnAbiGen.Verifier.Import
{
    /// <summary>What the importer is asked: headers under <see cref="HeadersDir"/> (paths relative to it, such as
    /// "grant_table.h" or "io/netif.h"), extra -D defines, the spec namespace to write, and the Xen interface version
    /// to compile at (the headers' latest, or e.g. 0x00040e00 for a set every release since 4.14 can verify).</summary>
    public sealed record ImportOptions(string HeadersDir, IReadOnlyList<string> Headers, IReadOnlyList<string> Defines,
        string Namespace = "Xen.Public", string InterfaceVersion = "__XEN_LATEST_INTERFACE_VERSION__");

    /// <summary>A construct the importer did not write (the record that holds it is left out, never laid out
    /// wrong), or a header problem. Location is in the C header.</summary>
    public sealed record ImportProblem(string Id, string File, int Line, int Column, string Message)
    {
        public override string ToString() => $"{File}({Line},{Column}): warning {Id}: {Message}";
    }

    public sealed record ImportResult(string Spec, IReadOnlyList<ImportProblem> Problems, int Records, int Typedefs, int Constants);

    /// <summary>One declaration as one ABI sees it, rendered to spec text; merged across ABIs by name.</summary>
    internal sealed record ImportedItem(ItemKind Kind, string Name, string File, int Line, string? Doc)
    {
        /// <summary>Constants: the value. Typedefs: the target type. Records: unused.</summary>
        public string Text { get; init; } = "";

        public bool IsUnion { get; init; }

        public IReadOnlyList<ImportedMember> Members { get; init; } = new List<ImportedMember>();
    }

    internal enum ItemKind { Constant, Typedef, Record }

    /// <summary>A record member on one ABI: its key (the name, or a position for an anonymous member), the spec
    /// line without alignment, the alignment clang gives it beyond the spec type's natural one, and the
    /// alignment clang gives its type (so an align(N) can be written for every ABI where it changes nothing).</summary>
    internal sealed record ImportedMember(string Key, string Text, int? Align, long ClangAlign, string? Doc);
}
