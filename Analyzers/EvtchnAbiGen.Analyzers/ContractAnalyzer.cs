using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvtchnAbiGen.Analyzers
{
    /// <summary>What every usage analyzer shares: one rule from the catalog, concurrent execution, generated
    /// code skipped, and nothing registered in a compilation without generated types.</summary>
    public abstract class ContractAnalyzer : DiagnosticAnalyzer
    {
        protected abstract DiagnosticDescriptor Descriptor { get; }

        public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var contract = ContractSymbols.For(start.Compilation);
                if (contract != null) Register(start, contract);
            });
        }

        internal abstract void Register(CompilationStartAnalysisContext start, ContractSymbols contract);
    }
}
