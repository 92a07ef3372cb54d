using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace EvtchnAbiGen.CodeFixes
{
    /// <summary>What every fix here shares: find the diagnostic's node, compute one replacement for a node, and
    /// offer it under one equivalence key so Fix All batches every occurrence.</summary>
    public abstract class ReplaceNodeCodeFix<TNode> : CodeFixProvider where TNode : SyntaxNode
    {
        protected abstract string DiagnosticId { get; }

        public sealed override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticId);

        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null) return;
            foreach (var d in context.Diagnostics)
            {
                if (root.FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true) is not TNode node) continue;
                if (Fix(d, node, model, context.CancellationToken) is not { } fix) continue;
                var (title, old, replacement) = fix;
                context.RegisterCodeFix(CodeAction.Create(title,
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(old, replacement.WithTriviaFrom(old)))),
                    GetType().Name), d);
            }
        }

        /// <summary>The title, the node to replace (the diagnostic's node or an ancestor) and its replacement; null for no fix.</summary>
        protected abstract (string Title, SyntaxNode Old, SyntaxNode New)? Fix(Diagnostic diagnostic, TNode node, SemanticModel model, CancellationToken ct);
    }
}
