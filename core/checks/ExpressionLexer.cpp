#include "core/checks/ExpressionLexer.h"

#include <charconv>
#include <cstdio>

namespace loupe {

Status expressionErrorAt(std::size_t column, const std::string &what)
{
    return Status::invalidInput("column " + std::to_string(column) + ": " + what);
}

namespace {

// 1-based character position of byte offset pos (UTF-8 continuation bytes do not count).
std::size_t columnOf(std::string_view text, std::size_t pos)
{
    std::size_t column = 1;
    for (std::size_t i = 0; i < pos && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++column;
    return column;
}

bool isNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isNameChar(char c)
{
    return isNameStart(c) || isDigit(c);
}

std::string describeChar(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7f) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "byte 0x%02X", byte);
        return buf;
    }
    return std::string("'") + c + "'";
}

// Reads digits [. digits] [e [+-] digits] starting at pos; returns the end position.
std::size_t scanNumber(std::string_view text, std::size_t pos)
{
    while (pos < text.size() && isDigit(text[pos]))
        ++pos;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        while (pos < text.size() && isDigit(text[pos]))
            ++pos;
    }
    if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
        std::size_t look = pos + 1;
        if (look < text.size() && (text[look] == '+' || text[look] == '-'))
            ++look;
        if (look < text.size() && isDigit(text[look])) {
            pos = look;
            while (pos < text.size() && isDigit(text[pos]))
                ++pos;
        }
    }
    return pos;
}

Result<ExpressionToken> readString(std::string_view text, std::size_t &pos)
{
    const char quote = text[pos];
    ExpressionToken token{TokenKind::String, {}, 0.0, columnOf(text, pos)};
    ++pos;
    while (pos < text.size() && text[pos] != quote) {
        if (text[pos] == '\\') {
            if (pos + 1 >= text.size())
                break;
            const char next = text[pos + 1];
            if (next != '\\' && next != '\'' && next != '"')
                return Result<ExpressionToken>(expressionErrorAt(columnOf(text, pos), "unknown escape '\\" + std::string(1, next)
                                                                    + "' in a string; expected \\\\, \\' or \\\""));
            token.text += next;
            pos += 2;
            continue;
        }
        token.text += text[pos++];
    }
    if (pos >= text.size())
        return Result<ExpressionToken>(expressionErrorAt(token.column, "string is not closed; expected a closing "
                                                                 + std::string(1, quote)));
    ++pos;
    return token;
}

} // namespace

Result<std::vector<ExpressionToken>> ExpressionLexer::tokenize(std::string_view text)
{
    using TokensResult = Result<std::vector<ExpressionToken>>;
    std::vector<ExpressionToken> tokens;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char c = text[pos];
        const std::size_t column = columnOf(text, pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++pos;
        } else if (isDigit(c) || (c == '.' && pos + 1 < text.size() && isDigit(text[pos + 1]))) {
            const std::size_t end = scanNumber(text, pos);
            ExpressionToken token{TokenKind::Number, std::string(text.substr(pos, end - pos)), 0.0, column};
            const auto parsed = std::from_chars(text.data() + pos, text.data() + end, token.number);
            if (parsed.ec != std::errc() || parsed.ptr != text.data() + end)
                return TokensResult(expressionErrorAt(column, "number '" + token.text + "' is out of range"));
            if (end < text.size() && (isNameChar(text[end]) || text[end] == '.'))
                return TokensResult(expressionErrorAt(columnOf(text, end), "unexpected " + describeChar(text[end]) + " right after the number "
                                                         + token.text + "; expected an operator, ',' or ')'"));
            tokens.push_back(std::move(token));
            pos = end;
        } else if (isNameStart(c)) {
            std::size_t end = pos;
            while (end < text.size() && isNameChar(text[end]))
                ++end;
            tokens.push_back({TokenKind::Name, std::string(text.substr(pos, end - pos)), 0.0, column});
            pos = end;
        } else if (c == '\'' || c == '"') {
            auto token = readString(text, pos);
            if (!token.isOk())
                return TokensResult(token.status());
            tokens.push_back(token.takeValue());
        } else {
            static constexpr std::string_view kTwoChar[] = {"<=", ">=", "==", "!="};
            std::string symbol(1, c);
            for (std::string_view two : kTwoChar)
                if (text.substr(pos, 2) == two)
                    symbol = std::string(two);
            if (symbol == "=")
                return TokensResult(expressionErrorAt(column, "unexpected '='; use '==' to compare (locals are named by the "
                                                    "suite, not assigned inside an expression)"));
            if (symbol == "!" || symbol == "&" || symbol == "|")
                return TokensResult(expressionErrorAt(column, "unexpected '" + symbol + "'; write 'not', 'and', 'or'"));
            if (symbol.size() == 1 && std::string_view("+-*/%<>(),").find(c) == std::string_view::npos)
                return TokensResult(expressionErrorAt(column, "unexpected " + describeChar(c)
                                                        + "; expected a number, a string, a name, an operator "
                                                          "(+ - * / % < <= > >= == !=) or a parenthesis"));
            tokens.push_back({TokenKind::Symbol, symbol, 0.0, column});
            pos += symbol.size();
        }
    }
    tokens.push_back({TokenKind::End, {}, 0.0, columnOf(text, text.size())});
    return tokens;
}

} // namespace loupe
