using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using EvtchnAbiGen.Analyzers;
using EvtchnAbiGen.Core.Contract;
using EvtchnAbiGen.Core.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvtchnAbiGen.CodeFixes
{
    /// <summary>EAG1004: 'w.Write(w.Read() &amp; ~T.MASKED_Mask)' becomes 'w.ClearMASKED()', the generated clear
    /// that waits while the guard (BUSY) is set.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnguardedClearCodeFix)), Shared]
    public sealed class UnguardedClearCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.UnguardedClear);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null) return;
            foreach (var d in context.Diagnostics)
            {
                if (!d.Properties.TryGetValue(UnguardedClearAnalyzer.ClearProperty, out var clear) || clear == null) continue;
                if (root.FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax call) continue;
                if (Receiver(call) is not { } word) continue;
                string title = $"Use {clear}()";
                context.RegisterCodeFix(CodeAction.Create(title, ct => Apply(context.Document, call, word, clear, ct), nameof(UnguardedClearCodeFix)), d);
            }
        }

        /// <summary>The word 'w' when the call is exactly w.Write(w.Read() &amp; ~mask) or w.Write(~mask &amp; w.Read()).</summary>
        private static ExpressionSyntax? Receiver(InvocationExpressionSyntax call)
        {
            if (call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: GeneratedContract.Write } write) return null;
            if (call.ArgumentList.Arguments.Count != 1 || call.ArgumentList.Arguments[0].Expression is not BinaryExpressionSyntax and
                || !and.IsKind(SyntaxKind.BitwiseAndExpression))
                return null;
            foreach (var side in new[] { and.Left, and.Right })
            {
                if (side is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax read }
                    && read.Name.Identifier.ValueText == GeneratedContract.Read && SyntaxFactory.AreEquivalent(read.Expression, write.Expression))
                    return write.Expression;
            }
            return null;
        }

        private static async Task<Document> Apply(Document doc, InvocationExpressionSyntax call, ExpressionSyntax word, string clear, CancellationToken ct)
        {
            var root = await doc.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            var fixedCall = SyntaxFactory.ParseExpression($"{word}.{clear}()").WithTriviaFrom(call);
            return doc.WithSyntaxRoot(root!.ReplaceNode(call, fixedCall));
        }
    }
}
