using System;
using System.Collections.Generic;
using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Spec;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Core.Layout
{
    /// <summary>The items and members one ABI sees ('when' blocks chosen by its selectors), and the names they
    /// declare, in declaration order.</summary>
    internal sealed class Declarations
    {
        /// <summary>Types the emitter adds to each ABI namespace or (the helpers) to the spec namespace enclosing
        /// them; spec types must not take these names.</summary>
        private static readonly string[] GeneratedNames = { "Constants", "AbiManifest", "SharedU8", "SharedU16", "SharedU32", "SharedU64", "WordRangeUpdate", "NarrowAtomics" };

        private readonly AbiContext _cx;

        public Declarations(AbiContext cx) => _cx = cx;

        public Dictionary<string, ConstDecl> Consts { get; } = new Dictionary<string, ConstDecl>();
        public Dictionary<string, Item> Types { get; } = new Dictionary<string, Item>();
        public List<Item> Order { get; } = new List<Item>();

        public void DeclareAll(IEnumerable<SpecFile> files)
        {
            foreach (var f in files)
                foreach (var item in SelectItems(f.Items))
                    Declare(item);
        }

        /// <summary>The items this ABI sees, each 'ring' written out as the records and typedefs it declares.</summary>
        public IEnumerable<Item> SelectItems(EquatableArray<Item> items)
        {
            foreach (var item in Select(items, i => i is WhenItem w ? (w.Selector, w.Then, w.Else) : null))
            {
                if (item is RingDecl ring)
                    foreach (var made in ring.Expand()) yield return made;
                else
                    yield return item;
            }
        }

        public IEnumerable<Member> SelectMembers(EquatableArray<Member> members)
            => Select(members, m => m is WhenMember w ? (w.Selector, w.Then, w.Else) : null);

        /// <summary>The declarations or members this ABI sees: each 'when' replaced by the branch its selector picks.</summary>
        private IEnumerable<T> Select<T>(EquatableArray<T> list, Func<T, (Selector Selector, EquatableArray<T> Then, EquatableArray<T> Else)?> when)
            where T : IEquatable<T>
        {
            foreach (var x in list)
            {
                if (when(x) is { } w)
                {
                    foreach (var inner in Select(Matches(w.Selector) ? w.Then : w.Else, when))
                        yield return inner;
                }
                else
                {
                    yield return x;
                }
            }
        }

        private bool Matches(Selector s)
        {
            bool any = false;
            foreach (var term in s.Terms)
            {
                if (!AbiTarget.IsKnownSelector(term.Name))
                {
                    string? meant = AbiTarget.SelectorIgnoringCase(term.Name);
                    _cx.Error(DiagnosticIds.UnknownSelector, term.Location, meant != null
                        ? $"ABI selector '{term.Name}' matches no ABI: selectors are case-sensitive; write '{meant}'"
                        : $"unknown ABI selector '{term.Name}'; use one of {string.Join(", ", AbiTarget.SelectorNames)}");
                    continue;
                }
                any |= _cx.Target.Matches(term.Name);
            }
            return any;
        }

        /// <summary>The name a declaration declares; "" for a 'when'.</summary>
        public static string NameOf(Item item) => item switch
        {
            ConstDecl c => c.Name,
            TypedefDecl td => td.Name,
            WordDecl w => w.Name,
            RecordDecl r => r.Name,
            EnumDecl e => e.Name,
            _ => "",
        };

        /// <summary>The enum each enumerator belongs to.</summary>
        public Dictionary<string, EnumDecl> EnumOf { get; } = new Dictionary<string, EnumDecl>();

        private void Declare(Item item)
        {
            if (!DeclareOne(item, listed: true) || item is not EnumDecl e) return;
            // Enumerators are constants, as in C: the previous one + 1 where no value is written (the first, 0).
            string? previous = null;
            foreach (var m in e.Members)
            {
                var value = m.Value ?? (previous == null
                    ? new IntLiteral(0, m.Location)
                    : (Expr)new BinaryExpr("+", new NameExpr(previous, m.Location), new IntLiteral(1, m.Location), m.Location));
                if (DeclareOne(new ConstDecl(m.Name, value, m.Location, m.Doc), listed: false)) EnumOf[m.Name] = e;
                previous = m.Name;
            }
        }

        /// <summary>Declares one name; <paramref name="listed"/> false for an enumerator, which its enum lists.</summary>
        private bool DeclareOne(Item item, bool listed)
        {
            string name = NameOf(item);
            if (name.Length == 0) return false;
            Item? previous = item is ConstDecl
                ? (Consts.TryGetValue(name, out var pc) ? pc : null)
                : (Types.TryGetValue(name, out var pt) ? pt : null);
            if (item is not ConstDecl && GeneratedNames.Contains(name))
            {
                _cx.Error(DiagnosticIds.NameCollision, item.Location,
                    $"'{name}' is the name of a type the generator emits in every ABI namespace ({string.Join(", ", GeneratedNames)}); rename it");
                return false;
            }
            if (item is ConstDecl && name == "Constants")
            {
                _cx.Error(DiagnosticIds.NameCollision, item.Location, "a constant cannot be named 'Constants' (the generated class that holds the constants); rename it");
                return false;
            }
            if (previous == null && item is not ConstDecl && TypeResolver.IsBuiltin(name))
            {
                _cx.Error(DiagnosticIds.DuplicateDeclaration, item.Location, $"'{name}' is a built-in type; pick another name");
                return false;
            }
            if (previous != null && item.Ring is string ring)
            {
                _cx.Error(DiagnosticIds.DuplicateDeclaration, item.Location,
                    $"ring '{ring}' declares '{name}', which is already declared at {previous.Location}; rename the ring or remove the other declaration");
                return false;
            }
            if (previous != null)
            {
                _cx.Error(DiagnosticIds.DuplicateDeclaration, item.Location,
                    $"'{name}' is already declared at {previous.Location}; rename or remove one (use 'when' blocks for per-ABI variants)");
                return false;
            }
            if (item is ConstDecl cd) Consts[name] = cd;
            else Types[name] = item;
            if (listed) Order.Add(item);
            return true;
        }
    }
}
