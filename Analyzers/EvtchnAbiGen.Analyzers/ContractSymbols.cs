using System.Collections.Generic;
using System.Linq;
using EvtchnAbiGen.Core.Contract;
using Microsoft.CodeAnalysis;

namespace EvtchnAbiGen.Analyzers
{
    /// <summary>The generator's marker attributes as symbols of one compilation: every copy of each (the
    /// consumer's own and those of referenced assemblies that carry generated types), compared by symbol.</summary>
    internal sealed class ContractSymbols
    {
        private readonly HashSet<INamedTypeSymbol> _sharedWord, _sharedMemory, _bitIndex, _guardedBit;

        private ContractSymbols(Compilation c)
        {
            _sharedWord = Find(c, GeneratedContract.SharedWordAttribute);
            _sharedMemory = Find(c, GeneratedContract.SharedMemoryAttribute);
            _bitIndex = Find(c, GeneratedContract.BitIndexAttribute);
            _guardedBit = Find(c, GeneratedContract.GuardedBitAttribute);
        }

        /// <summary>Null when the compilation has no generated types (nothing to analyze).</summary>
        public static ContractSymbols? For(Compilation c)
        {
            var s = new ContractSymbols(c);
            return s._sharedWord.Count + s._sharedMemory.Count + s._bitIndex.Count + s._guardedBit.Count == 0 ? null : s;
        }

        private static HashSet<INamedTypeSymbol> Find(Compilation c, string attribute)
            => new HashSet<INamedTypeSymbol>(c.GetTypesByMetadataName(GeneratedContract.MetadataName(attribute)), SymbolEqualityComparer.Default);

        private static AttributeData? Get(ISymbol symbol, HashSet<INamedTypeSymbol> set)
            => symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass != null && set.Contains(a.AttributeClass));

        /// <summary>"word" or "bitmap" for a field the spec marks shared, else null.</summary>
        public string? SharedKind(IFieldSymbol field)
            => Get(field, _sharedWord) is { } a && a.ConstructorArguments.Length == 1 ? a.ConstructorArguments[0].Value as string : null;

        public bool IsSharedMemory(ITypeSymbol? type)
            => type is INamedTypeSymbol t && t.TypeKind == TypeKind.Struct && Get(t.OriginalDefinition, _sharedMemory) != null;

        /// <summary>(bit count, ABI, bitmap) of a generated bit-index parameter.</summary>
        public (int BitCount, string Abi, string Bitmap)? BitIndex(IParameterSymbol p)
            => Get(p, _bitIndex) is { } a && a.ConstructorArguments.Length == 3
               && a.ConstructorArguments[0].Value is int n && a.ConstructorArguments[1].Value is string abi && a.ConstructorArguments[2].Value is string map
                ? (n, abi, map) : null;

        /// <summary>(bit, guard, guarded clear) of a guarded bit's mask constant.</summary>
        public (string Bit, string Guard, string Clear)? GuardedBit(IFieldSymbol mask)
            => Get(mask, _guardedBit) is { } a && a.ConstructorArguments.Length == 3
               && a.ConstructorArguments[0].Value is string bit && a.ConstructorArguments[1].Value is string guard && a.ConstructorArguments[2].Value is string clear
                ? (bit, guard, clear) : null;
    }
}
