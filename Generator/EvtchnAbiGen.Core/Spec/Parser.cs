using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Core.Spec
{
    /// <summary>Recursive-descent parser for .abi files (grammar: docs/spec-language.md).
    /// It never throws: errors become located EAG diagnostics and the parser resynchronises
    /// at the next ';' or '}'.</summary>
    public sealed class Parser
    {
        private const int MaxErrors = 50;
        private const int MaxDepth = 64;

        private readonly string _path;
        private readonly List<Token> _tokens;
        private readonly List<SpecDiagnostic> _diagnostics;
        private int _pos;
        private int _depth;
        private string? _pendingDoc;

        private Parser(string path, List<Token> tokens, List<SpecDiagnostic> diagnostics)
        {
            _path = path;
            _tokens = tokens;
            _diagnostics = diagnostics;
        }

        /// <summary>Parses one spec file. Safe on any input.</summary>
        public static SpecFile Parse(string path, string text)
        {
            var diagnostics = new List<SpecDiagnostic>();
            if (LooksBinary(text))
            {
                diagnostics.Add(new SpecDiagnostic(DiagnosticIds.NotText, "the spec file is not text (it holds NUL or control bytes); spec files are UTF-8 text",
                    new SpecLocation(path, 0, 0, 0, 0, 0, 0)));
                return new SpecFile(path, null, null, EquatableArray<Item>.Empty, diagnostics.ToEquatableArray());
            }
            var tokens = new Lexer(path, text, diagnostics).Lex();
            if (tokens.TrueForAll(t => t.Kind == TokenKind.EndOfFile || t.Kind == TokenKind.DocComment))
            {
                diagnostics.Add(new SpecDiagnostic(DiagnosticIds.EmptySpec, "the spec file declares nothing; add a 'namespace' and declarations, or remove it from AdditionalFiles",
                    new SpecLocation(path, 0, 0, 0, 0, 0, 0)));
                return new SpecFile(path, null, null, EquatableArray<Item>.Empty, diagnostics.ToEquatableArray());
            }
            tokens.RemoveAll(t => t.Kind == TokenKind.Bad);
            var parser = new Parser(path, tokens, diagnostics);
            return parser.ParseFile();
        }

        private static bool LooksBinary(string text)
        {
            int control = 0;
            foreach (char c in text)
            {
                if (c == '\0' || c == '\uFFFD') return true;
                if (c < ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') control++;
            }
            return control > 0 && control * 20 > text.Length;
        }

        private SpecFile ParseFile()
        {
            string? ns = null;
            SpecLocation? nsLoc = null;
            var items = new List<Item>();
            var headers = new List<string>();
            var defines = new List<string>();
            bool onDemand = false;
            long? importedFrom = null;
            while (!AtEnd && ErrorCount < MaxErrors)
            {
                if (TakeDoc()) continue;
                if (Current.Is("on_demand"))
                {
                    Advance();
                    Expect(";");
                    onDemand = true;
                    _pendingDoc = null;
                    continue;
                }
                if (Current.Is("imported_from"))
                {
                    Advance();
                    if (Current.Kind == TokenKind.Integer) importedFrom = Advance().Value;
                    else
                    {
                        Error(DiagnosticIds.Syntax, Current, "expected the headers' interface version after 'imported_from', e.g. imported_from 0x00041300;");
                        Recover();
                        continue;
                    }
                    Expect(";");
                    _pendingDoc = null;
                    continue;
                }
                if (Current.Is("header") || Current.Is("define"))
                {
                    bool header = Current.Is("header");
                    Advance();
                    string? word = ParseUnspacedWord(header ? "a header path such as \"io/netif.h\"" : "a define such as \"__XEN_TOOLS__\" or \"NAME=1\"");
                    if (word != null) (header ? headers : defines).Add(word);
                    _pendingDoc = null;
                    continue;
                }
                if (Current.Is("namespace"))
                {
                    var start = Advance();
                    var sb = new StringBuilder(ExpectIdentifier("a namespace name").Text);
                    while (Current.Is("."))
                    {
                        Advance();
                        sb.Append('.').Append(ExpectIdentifier("a namespace part").Text);
                    }
                    if (ns != null)
                        Error(DiagnosticIds.NamespaceMismatch, start, "a spec file may hold one 'namespace' statement; remove this one");
                    ns = sb.ToString();
                    nsLoc = Loc(start);
                    Expect(";");
                    _pendingDoc = null;
                    continue;
                }
                int before = _pos;
                var item = ParseItem();
                if (item != null) items.Add(item);
                if (_pos == before) Advance(); // guarantee progress
            }
            return new SpecFile(_path, ns, nsLoc, items.ToEquatableArray(), _diagnostics.ToEquatableArray())
            {
                CHeaders = headers.ToEquatableArray(),
                CDefines = defines.ToEquatableArray(),
                OnDemand = onDemand,
                ImportedFrom = importedFrom,
            };
        }

        /// <summary>"text" then ';', for 'header' and 'define'.</summary>
        private string? ParseUnspacedWord(string what)
        {
            if (Current.Kind != TokenKind.String || Current.Text.Length == 0 || Current.Text.Any(char.IsWhiteSpace))
            {
                Error(DiagnosticIds.Syntax, Current, $"expected {what} in double quotes, without spaces");
                Recover();
                return null;
            }
            string text = Advance().Text;
            Expect(";");
            return text;
        }

        private Item? ParseItem()
        {
            string? doc = TakePendingDoc();
            var t = Current;
            try
            {
                if (++_depth > MaxDepth)
                {
                    Error(DiagnosticIds.Syntax, t, $"'when' blocks nest deeper than {MaxDepth} levels");
                    SkipToEnd();
                    return null;
                }
                if (t.Is("const")) return ParseConst(doc);
                if (t.Is("typedef")) return ParseTypedef(doc);
                if (t.Is("word")) return ParseWord(doc);
                if (t.Is("enum")) return ParseEnum(doc);
                if (t.Is("struct") || t.Is("union")) return ParseRecord(doc);
                if (t.Is("ring")) return ParseRing(doc);
                if (t.Is("when")) return ParseWhenItem();
                Error(DiagnosticIds.Syntax, t, $"expected a declaration ('const', 'typedef', 'word', 'enum', 'struct', 'union', 'ring' or 'when'), found {t}");
                Recover();
                return null;
            }
            finally
            {
                _depth--;
            }
        }

        private Item? ParseConst(string? doc)
        {
            Advance();
            var name = ExpectIdentifier("a constant name");
            Expect("=");
            var value = ParseExpr();
            Expect(";");
            return name.Kind == TokenKind.Identifier && value != null ? new ConstDecl(name.Text, value, Loc(name), doc) : null;
        }

        private Item? ParseTypedef(string? doc)
        {
            Advance();
            var name = ExpectIdentifier("a type name");
            Expect("=");
            var target = ParseTypeRef();
            Expect(";");
            return name.Kind == TokenKind.Identifier && target != null ? new TypedefDecl(name.Text, target, Loc(name), doc) : null;
        }

        private Item? ParseWord(string? doc)
        {
            Advance();
            var name = ExpectIdentifier("a word name");
            Expect(":");
            var underlying = ParseTypeRef();
            bool shared = false;
            if (Current.Is("shared")) { Advance(); shared = true; }
            var bits = new List<WordBit>();
            if (Expect("{"))
            {
                while (!AtEnd && !Current.Is("}") && ErrorCount < MaxErrors)
                {
                    if (TakeDoc()) continue;
                    string? bitDoc = TakePendingDoc();
                    var bitName = ExpectIdentifier("a bit name");
                    if (bitName.Kind != TokenKind.Identifier) { Recover(); continue; }
                    Expect("=");
                    var low = ParseExpr();
                    Expr? high = null;
                    if (Current.Is("..")) { Advance(); high = ParseExpr(); }
                    string? guard = null;
                    if (Current.Is("guarded"))
                    {
                        Advance();
                        Expect("(");
                        guard = ExpectIdentifier("the guarding bit's name").Text;
                        Expect(")");
                    }
                    Expect(";");
                    if (low != null) bits.Add(new WordBit(bitName.Text, low, high, string.IsNullOrEmpty(guard) ? null : guard, Loc(bitName), bitDoc));
                }
                Expect("}");
            }
            if (Current.Is(";")) Advance();
            return name.Kind == TokenKind.Identifier && underlying != null
                ? new WordDecl(name.Text, underlying, shared, bits.ToEquatableArray(), Loc(name), doc)
                : null;
        }

        /// <summary><c>enum NAME { A; B = expr; C; }</c>: C's enum; an enumerator without a value is the previous one + 1
        /// (the first, 0). ',' may stand for ';', as in C.</summary>
        private Item? ParseEnum(string? doc)
        {
            Advance();
            var name = ExpectIdentifier("an enum name");
            var members = new List<EnumMember>();
            if (Expect("{"))
            {
                while (!AtEnd && !Current.Is("}") && ErrorCount < MaxErrors)
                {
                    if (TakeDoc()) continue;
                    string? memberDoc = TakePendingDoc();
                    var memberName = ExpectIdentifier("an enumerator name");
                    if (memberName.Kind != TokenKind.Identifier) { Recover(); continue; }
                    Expr? value = null;
                    if (Current.Is("=")) { Advance(); value = ParseExpr(); if (value == null) { Recover(); continue; } }
                    if (Current.Is(",")) Advance();
                    else if (!Current.Is("}")) Expect(";");
                    members.Add(new EnumMember(memberName.Text, value, Loc(memberName), memberDoc));
                }
                Expect("}");
            }
            if (Current.Is(";")) Advance();
            return name.Kind == TokenKind.Identifier ? new EnumDecl(name.Text, members.ToEquatableArray(), Loc(name), doc) : null;
        }

        private Item? ParseRecord(string? doc)
        {
            bool isUnion = Advance().Text == "union";
            var name = ExpectIdentifier(isUnion ? "a union name" : "a struct name");
            var members = ParseMemberBlock();
            if (Current.Is(";")) Advance();
            return name.Kind == TokenKind.Identifier ? new RecordDecl(name.Text, isUnion, members, Loc(name), doc) : null;
        }

        /// <summary><c>ring NAME(REQ, RSP) [flexible];</c>: Xen's DEFINE_RING_TYPES (see <see cref="RingTypes"/>).</summary>
        private Item? ParseRing(string? doc)
        {
            Advance();
            var name = ExpectIdentifier("the ring's name, as DEFINE_RING_TYPES's first argument (e.g. ring blkif(blkif_request, blkif_response);)");
            if (name.Kind != TokenKind.Identifier) { Recover(); return null; }
            if (!Expect("(")) { Recover(); return null; }
            var request = ParseRingArgument("the request type");
            if (request == null || !Expect(",")) { Recover(); return null; }
            var response = ParseRingArgument("the response type");
            if (response == null || !Expect(")")) { Recover(); return null; }
            bool flexible = false;
            if (Current.Is("flexible")) { Advance(); flexible = true; }
            else if (Current.Kind == TokenKind.Identifier)
            {
                Error(DiagnosticIds.Syntax, Current, $"unknown ring option '{Current.Text}'; the only one is 'flexible' (the slots as C99's 'ring[]', Xen's interface 0x00041300 and later)");
                Recover();
                return null;
            }
            Expect(";");
            return new RingDecl(name.Text, request, response, flexible, Loc(name), doc);
        }

        private TypeRef? ParseRingArgument(string what)
        {
            if (Current.Is("struct") || Current.Is("union") || Current.Is("enum")) Advance(); // DEFINE_RING_TYPES(x, struct x_req, ...)
            if (Current.Kind != TokenKind.Identifier)
            {
                Error(DiagnosticIds.Syntax, Current, $"expected {what} of the ring, a type name, found {Current}");
                return null;
            }
            return ParseTypeRef();
        }

        private Item? ParseWhenItem()
        {
            var start = Advance();
            var selector = ParseSelector();
            var then = ParseItemBlock();
            var otherwise = EquatableArray<Item>.Empty;
            if (Current.Is("else"))
            {
                Advance();
                if (Current.Is("when"))
                {
                    var nested = ParseItem();
                    otherwise = nested is null ? otherwise : new EquatableArray<Item>(new[] { nested });
                }
                else
                {
                    otherwise = ParseItemBlock();
                }
            }
            return new WhenItem(selector, then, otherwise, Loc(start));
        }

        private EquatableArray<Item> ParseItemBlock()
        {
            var items = new List<Item>();
            if (!Expect("{")) return items.ToEquatableArray();
            while (!AtEnd && !Current.Is("}") && ErrorCount < MaxErrors)
            {
                if (TakeDoc()) continue;
                int before = _pos;
                var item = ParseItem();
                if (item != null) items.Add(item);
                if (_pos == before) Advance();
            }
            Expect("}");
            return items.ToEquatableArray();
        }

        private Selector ParseSelector()
        {
            var terms = new List<SelectorTerm>();
            do
            {
                var t = ExpectIdentifier("an ABI selector (x86_32, x86_64, arm32, arm64, x86, arm, ilp32 or lp64)");
                if (t.Kind == TokenKind.Identifier) terms.Add(new SelectorTerm(t.Text, Loc(t)));
            }
            while ((Current.Is("|") || Current.Is(",")) && Advance().Kind == TokenKind.Punct);
            return new Selector(terms.ToEquatableArray());
        }

        private EquatableArray<Member> ParseMemberBlock()
        {
            var members = new List<Member>();
            if (!Expect("{")) return members.ToEquatableArray();
            try
            {
                if (++_depth > MaxDepth)
                {
                    Error(DiagnosticIds.Syntax, Current, $"records nest deeper than {MaxDepth} levels");
                    SkipToEnd();
                    return members.ToEquatableArray();
                }
                while (!AtEnd && !Current.Is("}") && ErrorCount < MaxErrors)
                {
                    if (TakeDoc()) continue;
                    int before = _pos;
                    var m = ParseMember();
                    if (m != null) members.Add(m);
                    if (_pos == before) Advance();
                }
            }
            finally
            {
                _depth--;
            }
            Expect("}");
            return members.ToEquatableArray();
        }

        private Member? ParseMember()
        {
            string? doc = TakePendingDoc();
            var t = Current;
            if (t.Is("when"))
            {
                Advance();
                var selector = ParseSelector();
                var then = ParseMemberBlock();
                var otherwise = EquatableArray<Member>.Empty;
                if (Current.Is("else"))
                {
                    Advance();
                    if (Current.Is("when"))
                    {
                        var nested = ParseMember();
                        otherwise = nested is null ? otherwise : new EquatableArray<Member>(new[] { nested });
                    }
                    else
                    {
                        otherwise = ParseMemberBlock();
                    }
                }
                return new WhenMember(selector, then, otherwise, Loc(t));
            }
            if ((t.Is("struct") || t.Is("union")) && Peek(1).Is("{"))
            {
                bool isUnion = Advance().Text == "union";
                var members = ParseMemberBlock();
                string? name = null;
                var nameTok = Current;
                if (Current.Kind == TokenKind.Identifier && !IsAttribute(Current)) name = Advance().Text;
                var dims = ParseDimensions();
                var attrs = ParseAttributes();
                Expect(";");
                return new InlineRecordMember(isUnion, members, name, dims, attrs, name is null ? Loc(t) : Loc(nameTok), doc);
            }
            if (t.Kind != TokenKind.Identifier)
            {
                Error(DiagnosticIds.Syntax, t, $"expected a field (type name), found {t}");
                Recover();
                return null;
            }
            if (t.Is("struct") || t.Is("union") || t.Is("enum")) Advance(); // C habit: 'struct vcpu_info arch;', 'enum xenbus_state s;'
            var type = ParseTypeRef();
            if (type != null && Current.Is(":"))
            {
                // Unnamed bitfield: 'uint32_t : 3;' or 'uint32_t : 0;'.
                var unnamedWidth = ParseBitWidth();
                var unnamedAttributes = ParseAttributes();
                Expect(";");
                return unnamedWidth == null ? null
                    : new FieldMember(type, null, EquatableArray<Expr>.Empty, unnamedWidth, unnamedAttributes, type.Location, doc);
            }
            var fieldName = ExpectIdentifier("a field name");
            var dimensions = ParseDimensions();
            Expr? width = null;
            bool bitfield = Current.Is(":");
            if (bitfield) width = ParseBitWidth();
            var attributes = ParseAttributes();
            Expect(";");
            if (type == null || fieldName.Kind != TokenKind.Identifier || (bitfield && width == null)) return null;
            return new FieldMember(type, fieldName.Text, dimensions, width, attributes, Loc(fieldName), doc);
        }

        /// <summary>':' then the width of a bitfield. A token that cannot start an expression gets the
        /// bitfield's own diagnostic (the width must be a constant expression), not a bare syntax error.</summary>
        private Expr? ParseBitWidth()
        {
            Advance(); // ':'
            var t = Current;
            bool startsExpr = t.Kind == TokenKind.Integer || t.Is("(") || t.Is("-") || t.Is("+") || t.Is("~")
                || (t.Kind == TokenKind.Identifier && !IsAttribute(t));
            if (!startsExpr)
            {
                Error(DiagnosticIds.BitWidthNotConstant, t, $"expected the bitfield's width, a constant expression, after ':'; found {t}");
                return null;
            }
            return ParseExpr();
        }

        private EquatableArray<Expr> ParseDimensions()
        {
            var dims = new List<Expr>();
            while (Current.Is("["))
            {
                var open = Advance();
                if (Current.Is("]"))
                {
                    // 'T name[]': C's flexible array member, laid out as GNU's 'T name[0]'.
                    Advance();
                    dims.Add(new IntLiteral(0, Loc(open)));
                    continue;
                }
                var e = ParseExpr();
                Expect("]");
                if (e != null) dims.Add(e);
            }
            return dims.ToEquatableArray();
        }

        private static bool IsAttribute(Token t)
            => t.Kind == TokenKind.Identifier && (t.Text == "shared" || t.Text == "bitmap" || t.Text == "reserved"
                || t.Text == "in" || t.Text == "out" || t.Text == "inout" || t.Text == "align");

        private FieldAttributes ParseAttributes()
        {
            var flags = FieldFlags.None;
            Expr? align = null;
            while (IsAttribute(Current))
            {
                var a = Advance();
                switch (a.Text)
                {
                    case "shared": flags |= FieldFlags.Shared; break;
                    case "bitmap": flags |= FieldFlags.Bitmap | FieldFlags.Shared; break;
                    case "reserved": flags |= FieldFlags.Reserved; break;
                    case "in": flags |= FieldFlags.In; break;
                    case "out": flags |= FieldFlags.Out; break;
                    case "inout": flags |= FieldFlags.In | FieldFlags.Out; break;
                    case "align":
                        Expect("(");
                        align = ParseExpr();
                        Expect(")");
                        break;
                }
            }
            return flags == FieldFlags.None && align == null ? FieldAttributes.None : new FieldAttributes(flags, align);
        }

        private TypeRef? ParseTypeRef()
        {
            var t = ExpectIdentifier("a type name");
            if (t.Kind != TokenKind.Identifier) return null;
            TypeRef? arg = null;
            if (Current.Is("<"))
            {
                Advance();
                arg = ParseTypeRef();
                Expect(">");
            }
            return new TypeRef(t.Text, arg, Loc(t));
        }

        // ---- expressions: C precedence, | lowest ----
        private static readonly string[][] BinaryLevels =
        {
            new[] { "|" }, new[] { "^" }, new[] { "&" }, new[] { "<<", ">>" }, new[] { "+", "-" }, new[] { "*", "/", "%" },
        };

        private Expr? ParseExpr() => ParseBinary(0);

        private Expr? ParseBinary(int level)
        {
            if (level == BinaryLevels.Length) return ParseUnary();
            var left = ParseBinary(level + 1);
            while (left != null && Current.Kind == TokenKind.Punct && Array.IndexOf(BinaryLevels[level], Current.Text) >= 0)
            {
                var op = Advance();
                var right = ParseBinary(level + 1);
                if (right == null) return null;
                left = new BinaryExpr(op.Text, left, right, Span(left.Location, right.Location));
            }
            return left;
        }

        private Expr? ParseUnary()
        {
            if (Current.Is("-") || Current.Is("~") || Current.Is("+"))
            {
                if (++_depth > MaxDepth)
                {
                    Error(DiagnosticIds.Syntax, Current, $"expression nests deeper than {MaxDepth} levels");
                    _depth--;
                    return null;
                }
                var op = Advance();
                var operand = ParseUnary();
                _depth--;
                return operand == null ? null : new UnaryExpr(op.Text, operand, Loc(op));
            }
            return ParsePrimary();
        }

        private Expr? ParsePrimary()
        {
            var t = Current;
            if (t.Kind == TokenKind.Integer)
            {
                Advance();
                return new IntLiteral(t.Value, Loc(t));
            }
            if (t.Is("sizeof") || t.Is("alignof"))
            {
                Advance();
                Expect("(");
                if (Current.Is("struct") || Current.Is("union") || Current.Is("enum")) Advance();
                var type = ParseTypeRef();
                Expect(")");
                return type == null ? null : new SizeOfExpr(type, t.Text == "alignof", Loc(t));
            }
            if (t.Kind == TokenKind.Identifier)
            {
                Advance();
                return new NameExpr(t.Text, Loc(t));
            }
            if (t.Is("("))
            {
                if (++_depth > MaxDepth)
                {
                    Error(DiagnosticIds.Syntax, t, $"expression nests deeper than {MaxDepth} levels");
                    _depth--;
                    return null;
                }
                Advance();
                var inner = ParseExpr();
                Expect(")");
                _depth--;
                return inner;
            }
            Error(DiagnosticIds.Syntax, t, $"expected an expression (number, constant, sizeof or '('), found {t}");
            return null;
        }

        // ---- token helpers ----
        private Token Current => _tokens[_pos];

        private Token Peek(int ahead) => _tokens[Math.Min(_pos + ahead, _tokens.Count - 1)];

        private bool AtEnd => Current.Kind == TokenKind.EndOfFile;

        private int ErrorCount => _diagnostics.Count;

        private Token Advance()
        {
            var t = Current;
            if (!AtEnd) _pos++;
            return t;
        }

        private bool TakeDoc()
        {
            if (Current.Kind != TokenKind.DocComment) return false;
            _pendingDoc = _pendingDoc == null ? Current.Text : _pendingDoc + "\n" + Current.Text;
            _pos++;
            return true;
        }

        private string? TakePendingDoc()
        {
            while (Current.Kind == TokenKind.DocComment) TakeDoc();
            var d = _pendingDoc;
            _pendingDoc = null;
            return d;
        }

        private bool Expect(string punct)
        {
            while (Current.Kind == TokenKind.DocComment) _pos++;
            if (Current.Is(punct))
            {
                Advance();
                return true;
            }
            Error(DiagnosticIds.Syntax, Current, $"expected '{punct}', found {Current}");
            return false;
        }

        private Token ExpectIdentifier(string what)
        {
            while (Current.Kind == TokenKind.DocComment) _pos++;
            if (Current.Kind == TokenKind.Identifier) return Advance();
            Error(DiagnosticIds.Syntax, Current, $"expected {what}, found {Current}");
            return new Token(TokenKind.Bad, "", 0, Current.Start, 0, Current.Line, Current.Column);
        }

        /// <summary>Skips to just after the next ';' or to a '}' that closes the current block.</summary>
        private void Recover()
        {
            int depth = 0;
            while (!AtEnd)
            {
                var t = Current;
                if (t.Is("{")) depth++;
                else if (t.Is("}"))
                {
                    if (depth == 0) return;
                    depth--;
                    if (depth == 0) { Advance(); return; }
                }
                else if (t.Is(";") && depth == 0) { Advance(); return; }
                Advance();
            }
        }

        private void SkipToEnd()
        {
            while (!AtEnd) Advance();
        }

        private void Error(string id, Token at, string message)
        {
            if (ErrorCount >= MaxErrors) return;
            _diagnostics.Add(new SpecDiagnostic(id, message, Loc(at)));
        }

        /// <summary>From the start of <paramref name="a"/> to the end of <paramref name="b"/>.</summary>
        private static SpecLocation Span(SpecLocation a, SpecLocation b)
            => new SpecLocation(a.Path, a.Start, b.Start + b.Length - a.Start, a.Line, a.Column, b.EndLine, b.EndColumn);

        private SpecLocation Loc(Token t)
            => new SpecLocation(_path, t.Start, t.Length, t.Line, t.Column, t.Line, t.Column + t.Length);
    }
}
