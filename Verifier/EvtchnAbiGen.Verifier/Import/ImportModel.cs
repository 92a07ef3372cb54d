using System.Collections.Generic;

namespace EvtchnAbiGen.Verifier.Import
{
    /// <summary>What the importer is asked: headers under <see cref="HeadersDir"/> (paths relative to it, such as
    /// "grant_table.h" or "io/netif.h"), extra -D defines, the spec namespace to write, and the Xen interface version
    /// to compile at (the headers' latest, or e.g. 0x00040e00 for a set every release since 4.14 can verify).</summary>
    public sealed record ImportOptions(string HeadersDir, IReadOnlyList<string> Headers, IReadOnlyList<string> Defines,
        string Namespace = "Xen.Public", string InterfaceVersion = "__XEN_LATEST_INTERFACE_VERSION__")
    {
        /// <summary>Names declared elsewhere in the spec set (curated specs): not written again; uses of them stay.</summary>
        public IReadOnlyCollection<string> Skip { get; init; } = System.Array.Empty<string>();

        /// <summary>Curated (hand-written) specs: every name they declare is skipped as <see cref="Skip"/> ones are, and
        /// they are laid out with the import where the importer checks its own output (folded rings).</summary>
        public IReadOnlyList<EvtchnAbiGen.Core.Spec.SpecFile> Curated { get; init; } = System.Array.Empty<EvtchnAbiGen.Core.Spec.SpecFile>();

        /// <summary>Write 'on_demand;' so the generator emits the declarations only when XenAbi.txt asks for them.</summary>
        public bool OnDemand { get; init; }

        /// <summary>One spec file per header (named after it: io/netif.h → io/netif.abi; the arch-* headers → arch.abi)
        /// instead of one for all.</summary>
        public bool Split { get; init; }
    }

    /// <summary>A construct the importer did not write (the record that holds it is left out, never laid out
    /// wrong), or a header problem. Location is in the C header.</summary>
    public sealed record ImportProblem(string Id, string File, int Line, int Column, string Message)
    {
        public override string ToString() => $"{File}({Line},{Column}): warning {Id}: {Message}";
    }

    /// <summary>The spec files written (one, with Path "", unless <see cref="ImportOptions.Split"/>), what was left out,
    /// and the counts.</summary>
    public sealed record ImportResult(IReadOnlyList<ImportedFile> Files, IReadOnlyList<ImportProblem> Problems, int Records, int Typedefs, int Constants,
        int Skipped)
    {
        /// <summary>The enums written as spec enums (a named one, or an unnamed one a typedef names).</summary>
        public int Enums { get; init; }

        /// <summary>The DEFINE_RING_TYPES expansions written as 'ring' declarations (their records are counted in
        /// <see cref="Records"/>).</summary>
        public int Rings { get; init; }

        /// <summary>The spec of an import without <see cref="ImportOptions.Split"/> (one file; none when every name was
        /// skipped). A split import has one spec per file, and no single text.</summary>
        public string Spec => Files.Count switch
        {
            0 => "",
            1 => Files[0].Text,
            _ => throw new System.InvalidOperationException("a split import has one spec per file; read Files"),
        };
    }

    /// <summary>One spec file: its path relative to the output folder ("" for the single file), and its text.</summary>
    public sealed record ImportedFile(string Path, string Text);

    /// <summary>One declaration as one ABI sees it, rendered to spec text; merged across ABIs by name.</summary>
    internal sealed record ImportedItem(ItemKind Kind, string Name, string File, int Line, string? Doc)
    {
        /// <summary>Constants: the value. Typedefs: the target type. Records: unused.</summary>
        public string Text { get; init; } = "";

        public bool IsUnion { get; init; }

        public IReadOnlyList<ImportedMember> Members { get; init; } = new List<ImportedMember>();
    }

    internal enum ItemKind { Constant, Typedef, Record, Enum, Ring }

    /// <summary>A record member on one ABI: its key (the name, or a position for an anonymous member), the spec
    /// line without alignment, the alignment clang gives it beyond the spec type's natural one, and the
    /// alignment clang gives its type (so an align(N) can be written for every ABI where it changes nothing).</summary>
    internal sealed record ImportedMember(string Key, string Text, int? Align, long ClangAlign, string? Doc);
}
