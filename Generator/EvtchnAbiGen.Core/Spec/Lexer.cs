using System.Collections.Generic;
using System.Globalization;
using EvtchnAbiGen.Core.Diagnostics;

namespace EvtchnAbiGen.Core.Spec
{
    /// <summary>Turns spec text into tokens. Never throws: bad characters become
    /// <see cref="TokenKind.Bad"/> tokens plus an EAG0003 diagnostic.</summary>
    public sealed class Lexer
    {
        private static readonly string[] TwoCharPuncts = { "<<", ">>", ".." };
        private const string OneCharPuncts = ";{}[]()=,:<>+-*/%&|^~.";

        private readonly string _text;
        private readonly string _path;
        private readonly List<SpecDiagnostic> _diagnostics;
        private int _pos, _line, _col;

        public Lexer(string path, string text, List<SpecDiagnostic> diagnostics)
        {
            _path = path;
            _text = text;
            _diagnostics = diagnostics;
        }

        public List<Token> Lex()
        {
            var tokens = new List<Token>();
            while (true)
            {
                SkipTrivia(tokens);
                if (_pos >= _text.Length)
                {
                    tokens.Add(new Token(TokenKind.EndOfFile, "", 0, _pos, 0, _line, _col));
                    return tokens;
                }
                tokens.Add(Next());
            }
        }

        private void SkipTrivia(List<Token> tokens)
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\uFEFF')
                {
                    Advance(1);
                }
                else if (c == '/' && Peek(1) == '/')
                {
                    int start = _pos, line = _line, col = _col;
                    bool doc = Peek(2) == '/' && Peek(3) != '/';
                    while (_pos < _text.Length && _text[_pos] != '\n') Advance(1);
                    if (doc)
                    {
                        string body = _text.Substring(start + 3, _pos - start - 3).Trim();
                        tokens.Add(new Token(TokenKind.DocComment, body, 0, start, _pos - start, line, col));
                    }
                }
                else if (c == '/' && Peek(1) == '*')
                {
                    int start = _pos, line = _line, col = _col;
                    Advance(2);
                    while (_pos < _text.Length && !(_text[_pos] == '*' && Peek(1) == '/')) Advance(1);
                    if (_pos >= _text.Length)
                    {
                        Report(start, 2, line, col, "unterminated block comment: add '*/'");
                        return;
                    }
                    Advance(2);
                }
                else
                {
                    return;
                }
            }
        }

        private Token Next()
        {
            int start = _pos, line = _line, col = _col;
            char c = _text[_pos];
            if (IsIdentStart(c))
            {
                while (_pos < _text.Length && IsIdentPart(_text[_pos])) Advance(1);
                return new Token(TokenKind.Identifier, _text.Substring(start, _pos - start), 0, start, _pos - start, line, col);
            }
            if (c >= '0' && c <= '9')
                return LexNumber(start, line, col);
            if (c == '"') return LexString(start, line, col);
            foreach (var p in TwoCharPuncts)
            {
                if (string.CompareOrdinal(_text, _pos, p, 0, 2) == 0)
                {
                    Advance(2);
                    return new Token(TokenKind.Punct, p, 0, start, 2, line, col);
                }
            }
            if (OneCharPuncts.IndexOf(c) >= 0)
            {
                Advance(1);
                return new Token(TokenKind.Punct, c.ToString(), 0, start, 1, line, col);
            }
            Advance(1);
            string shown = c < ' ' || c > '~' ? $"U+{(int)c:X4}" : $"'{c}'";
            Report(start, 1, line, col, $"unexpected character {shown}");
            return new Token(TokenKind.Bad, c.ToString(), 0, start, 1, line, col);
        }

        /// <summary>"text" on one line, no escapes (header paths and defines need none).</summary>
        private Token LexString(int start, int line, int col)
        {
            Advance(1);
            while (_pos < _text.Length && _text[_pos] != '"' && _text[_pos] != '\n') Advance(1);
            if (_pos >= _text.Length || _text[_pos] != '"')
            {
                Report(start, _pos - start, line, col, "unterminated string: close it with '\"' on the same line");
                return new Token(TokenKind.Bad, _text.Substring(start, _pos - start), 0, start, _pos - start, line, col);
            }
            Advance(1);
            return new Token(TokenKind.String, _text.Substring(start + 1, _pos - start - 2), 0, start, _pos - start, line, col);
        }

        private Token LexNumber(int start, int line, int col)
        {
            bool hex = _text[_pos] == '0' && (Peek(1) == 'x' || Peek(1) == 'X');
            if (hex) Advance(2);
            int digitsStart = _pos;
            while (_pos < _text.Length && (IsIdentPart(_text[_pos]))) Advance(1);
            string all = _text.Substring(start, _pos - start);
            string digits = _text.Substring(digitsStart, _pos - digitsStart).TrimEnd('u', 'U', 'l', 'L');
            bool ok = hex
                ? ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong u) && u <= long.MaxValue
                : ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out u) && u <= long.MaxValue;
            if (!ok)
            {
                Report(start, all.Length, line, col, $"invalid or too large integer '{all}' (the limit is {long.MaxValue})");
                return new Token(TokenKind.Bad, all, 0, start, all.Length, line, col);
            }
            return new Token(TokenKind.Integer, all, (long)u, start, all.Length, line, col);
        }

        private void Report(int start, int length, int line, int col, string message)
            => _diagnostics.Add(new SpecDiagnostic(DiagnosticIds.Syntax, message,
                new SpecLocation(_path, start, length, line, col, line, col + length)));

        private char Peek(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

        private void Advance(int n)
        {
            for (int i = 0; i < n && _pos < _text.Length; i++)
            {
                if (_text[_pos] == '\n') { _line++; _col = 0; }
                else _col++;
                _pos++;
            }
        }

        private static bool IsIdentStart(char c) => c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsIdentPart(char c) => IsIdentStart(c) || (c >= '0' && c <= '9');
    }
}
