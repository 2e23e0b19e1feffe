#include "core/checks/ExpressionParser.h"

#include "core/checks/ExpressionFunctions.h"

#include <algorithm>

namespace loupe {

namespace {

bool isKeyword(std::string_view name)
{
    return name == "and" || name == "or" || name == "not" || name == "true" || name == "false";
}

std::string describe(const ExpressionToken &token)
{
    switch (token.kind) {
    case TokenKind::End:
        return "the end of the expression";
    case TokenKind::String:
        return "the string '" + token.text + "'";
    case TokenKind::Number:
    case TokenKind::Name:
    case TokenKind::Symbol:
        return "'" + token.text + "'";
    }
    return "a token";
}

} // namespace

ExpressionParser::ExpressionParser(std::vector<ExpressionToken> tokens) : m_tokens(std::move(tokens)) {}

Result<NodePtr> ExpressionParser::parse(std::string_view text)
{
    if (text.size() > kMaxLength)
        return Result<NodePtr>(expressionErrorAt(1, "expression is longer than " + std::to_string(kMaxLength) + " characters"));
    auto tokens = ExpressionLexer::tokenize(text);
    if (!tokens.isOk())
        return Result<NodePtr>(tokens.status());
    ExpressionParser parser(tokens.takeValue());
    if (parser.peek().kind == TokenKind::End)
        return Result<NodePtr>(expressionErrorAt(1, "the expression is empty; expected a value such as 1, 'text', today() or "
                                          "max(column)"));
    auto root = parser.parseOr(0);
    if (!root.isOk())
        return root;
    if (parser.peek().kind != TokenKind::End)
        return Result<NodePtr>(parser.unexpected("an operator or the end of the expression"));
    return root;
}

bool ExpressionParser::peekSymbol(std::string_view symbol) const
{
    return peek().kind == TokenKind::Symbol && peek().text == symbol;
}

bool ExpressionParser::peekKeyword(std::string_view keyword) const
{
    return peek().kind == TokenKind::Name && peek().text == keyword;
}

Status ExpressionParser::unexpected(std::string_view expected) const
{
    return expressionErrorAt(peek().column, "unexpected " + describe(peek()) + "; expected " + std::string(expected));
}

Result<NodePtr> ExpressionParser::makeBinary(const ExpressionToken &op, NodePtr left, NodePtr right) const
{
    auto node = std::make_shared<ExpressionNode>();
    node->kind = NodeKind::Binary;
    node->column = op.column;
    node->op = op.text;
    node->children = {std::move(left), std::move(right)};
    return finish(std::move(node));
}

Status ExpressionParser::tooDeep(std::size_t column)
{
    return expressionErrorAt(column, "expression nests deeper than " + std::to_string(kMaxDepth)
                               + " levels; split it into several locals");
}

Result<NodePtr> ExpressionParser::finish(std::shared_ptr<ExpressionNode> node)
{
    int tallest = 0;
    for (const NodePtr &child : node->children)
        tallest = std::max(tallest, child->height);
    node->height = tallest + 1;
    if (node->height > kMaxDepth)
        return Result<NodePtr>(tooDeep(node->column));
    return NodePtr(std::move(node));
}

Result<NodePtr> ExpressionParser::parseOr(int depth)
{
    if (depth > kMaxDepth)
        return Result<NodePtr>(tooDeep(peek().column));
    auto left = parseAnd(depth);
    while (left.isOk() && peekKeyword("or")) {
        const ExpressionToken op = m_tokens[m_pos++];
        auto right = parseAnd(depth);
        if (!right.isOk())
            return right;
        left = makeBinary(op, left.takeValue(), right.takeValue());
    }
    return left;
}

Result<NodePtr> ExpressionParser::parseAnd(int depth)
{
    auto left = parseNot(depth);
    while (left.isOk() && peekKeyword("and")) {
        const ExpressionToken op = m_tokens[m_pos++];
        auto right = parseNot(depth);
        if (!right.isOk())
            return right;
        left = makeBinary(op, left.takeValue(), right.takeValue());
    }
    return left;
}

Result<NodePtr> ExpressionParser::parseNot(int depth)
{
    if (!peekKeyword("not"))
        return parseComparison(depth);
    const ExpressionToken op = m_tokens[m_pos++];
    if (depth + 1 > kMaxDepth)
        return Result<NodePtr>(tooDeep(op.column));
    auto operand = parseNot(depth + 1);
    if (!operand.isOk())
        return operand;
    auto node = std::make_shared<ExpressionNode>();
    node->kind = NodeKind::Unary;
    node->column = op.column;
    node->op = "not";
    node->children = {operand.takeValue()};
    return finish(std::move(node));
}

Result<NodePtr> ExpressionParser::parseComparison(int depth)
{
    auto left = parseAdditive(depth);
    if (!left.isOk())
        return left;
    static constexpr std::string_view kComparisons[] = {"<", "<=", ">", ">=", "==", "!="};
    for (std::string_view symbol : kComparisons) {
        if (!peekSymbol(symbol))
            continue;
        const ExpressionToken op = m_tokens[m_pos++];
        auto right = parseAdditive(depth);
        if (!right.isOk())
            return right;
        auto node = makeBinary(op, left.takeValue(), right.takeValue());
        if (node.isOk())
            for (std::string_view again : kComparisons)
                if (peekSymbol(again))
                    return Result<NodePtr>(expressionErrorAt(peek().column, "comparisons do not chain; write 'a < b and b < c'"));
        return node;
    }
    return left;
}

Result<NodePtr> ExpressionParser::parseAdditive(int depth)
{
    auto left = parseTerm(depth);
    while (left.isOk() && (peekSymbol("+") || peekSymbol("-"))) {
        const ExpressionToken op = m_tokens[m_pos++];
        auto right = parseTerm(depth);
        if (!right.isOk())
            return right;
        left = makeBinary(op, left.takeValue(), right.takeValue());
    }
    return left;
}

Result<NodePtr> ExpressionParser::parseTerm(int depth)
{
    auto left = parseUnary(depth);
    while (left.isOk() && (peekSymbol("*") || peekSymbol("/") || peekSymbol("%"))) {
        const ExpressionToken op = m_tokens[m_pos++];
        auto right = parseUnary(depth);
        if (!right.isOk())
            return right;
        left = makeBinary(op, left.takeValue(), right.takeValue());
    }
    return left;
}

Result<NodePtr> ExpressionParser::parseUnary(int depth)
{
    if (!peekSymbol("-") && !peekSymbol("+"))
        return parsePrimary(depth);
    const ExpressionToken op = m_tokens[m_pos++];
    if (depth + 1 > kMaxDepth)
        return Result<NodePtr>(tooDeep(op.column));
    auto operand = parseUnary(depth + 1);
    if (!operand.isOk() || op.text == "+")
        return operand;
    auto node = std::make_shared<ExpressionNode>();
    node->kind = NodeKind::Unary;
    node->column = op.column;
    node->op = "-";
    node->children = {operand.takeValue()};
    return finish(std::move(node));
}

Result<NodePtr> ExpressionParser::parsePrimary(int depth)
{
    const ExpressionToken token = peek();
    auto node = std::make_shared<ExpressionNode>();
    node->column = token.column;
    if (token.kind == TokenKind::Number || token.kind == TokenKind::String) {
        ++m_pos;
        node->value = token.kind == TokenKind::Number ? CheckValue::number(token.number)
                                                      : CheckValue::string(token.text);
        return NodePtr(node);
    }
    if (token.kind == TokenKind::Name && (token.text == "true" || token.text == "false")) {
        ++m_pos;
        node->value = CheckValue::boolean(token.text == "true");
        return NodePtr(node);
    }
    if (token.kind == TokenKind::Name && !isKeyword(token.text)) {
        ++m_pos;
        if (peekSymbol("("))
            return parseCall(token, depth);
        node->kind = NodeKind::Local;
        node->name = token.text;
        return NodePtr(node);
    }
    if (token.kind == TokenKind::Symbol && token.text == "(") {
        ++m_pos;
        auto inner = parseOr(depth + 1);
        if (!inner.isOk())
            return inner;
        if (!peekSymbol(")"))
            return Result<NodePtr>(unexpected("')' to close the '(' at column " + std::to_string(token.column)));
        ++m_pos;
        return inner;
    }
    return Result<NodePtr>(unexpected("a number, a string, a name, a function call or '('"));
}

Result<NodePtr> ExpressionParser::parseColumnArgument(const ExpressionToken &function)
{
    const ExpressionToken token = peek();
    auto node = std::make_shared<ExpressionNode>();
    node->kind = NodeKind::Column;
    node->column = token.column;
    if (token.kind == TokenKind::Name && token.text == "col" && m_pos + 3 < m_tokens.size()
        && m_tokens[m_pos + 1].text == "(" && m_tokens[m_pos + 2].kind == TokenKind::String
        && m_tokens[m_pos + 3].kind == TokenKind::Symbol && m_tokens[m_pos + 3].text == ")") {
        node->name = m_tokens[m_pos + 2].text;
        m_pos += 4;
        return NodePtr(node);
    }
    if (token.kind == TokenKind::Name && token.text != "col" && !isKeyword(token.text)
        && !(m_pos + 1 < m_tokens.size() && m_tokens[m_pos + 1].text == "(")) {
        node->name = token.text;
        ++m_pos;
        return NodePtr(node);
    }
    return Result<NodePtr>(unexpected("a column name for " + function.text + "(), bare or as col(\"name\")"));
}

Result<NodePtr> ExpressionParser::parseCall(const ExpressionToken &nameToken, int depth)
{
    const ExpressionFunction *function = ExpressionFunctions::find(nameToken.text);
    if (!function) {
        std::string what = "unknown function '" + nameToken.text + "'";
        if (nameToken.text == "col")
            what = "col(\"name\") names a column only as the argument of an aggregate such as max(col(\"name\"))";
        return Result<NodePtr>(expressionErrorAt(nameToken.column, what + "; known functions: " + ExpressionFunctions::knownNames()));
    }
    if (depth + 1 > kMaxDepth)
        return Result<NodePtr>(tooDeep(nameToken.column));
    ++m_pos; // '('
    auto node = std::make_shared<ExpressionNode>();
    node->kind = NodeKind::Call;
    node->column = nameToken.column;
    node->name = nameToken.text;
    while (!peekSymbol(")")) {
        if (!node->children.empty()) {
            if (!peekSymbol(","))
                return Result<NodePtr>(unexpected("',' or ')' in the arguments of " + nameToken.text + "()"));
            ++m_pos;
        }
        const bool columnSlot = function->arguments == ArgumentKind::ColumnFirst && node->children.empty();
        auto argument = columnSlot ? parseColumnArgument(nameToken) : parseOr(depth + 1);
        if (!argument.isOk())
            return argument;
        node->children.push_back(argument.takeValue());
    }
    const std::size_t closing = peek().column;
    ++m_pos;
    const std::size_t count = node->children.size();
    if (count < function->minArgs || count > function->maxArgs)
        return Result<NodePtr>(expressionErrorAt(closing, std::string(function->name) + "() takes "
                                                    + (function->minArgs == function->maxArgs
                                                           ? std::to_string(function->minArgs)
                                                           : std::to_string(function->minArgs) + " or "
                                                                 + std::to_string(function->maxArgs))
                                                    + " argument(s), got " + std::to_string(count) + "; usage: "
                                                    + std::string(function->signature)));
    return finish(std::move(node));
}

} // namespace loupe
