#pragma once
// Recursive-descent parser for the expression grammar documented in Expression.h (internal to core/checks).

#include "core/checks/ExpressionLexer.h"
#include "core/checks/ExpressionNode.h"
#include "core/util/Status.h"

#include <string_view>
#include <vector>

namespace loupe {

class ExpressionParser {
public:
    // Deepest allowed nesting of parentheses, calls and operators (the tree height).
    static constexpr int kMaxDepth = 100;
    // Longest accepted expression text, in bytes.
    static constexpr std::size_t kMaxLength = 10000;

    // ensures: errors read "column N: WHAT" (the caller adds the expression text).
    static Result<NodePtr> parse(std::string_view text);

private:
    explicit ExpressionParser(std::vector<ExpressionToken> tokens);

    Result<NodePtr> parseOr(int depth);
    Result<NodePtr> parseAnd(int depth);
    Result<NodePtr> parseNot(int depth);
    Result<NodePtr> parseComparison(int depth);
    Result<NodePtr> parseAdditive(int depth);
    Result<NodePtr> parseTerm(int depth);
    Result<NodePtr> parseUnary(int depth);
    Result<NodePtr> parsePrimary(int depth);
    Result<NodePtr> parseCall(const ExpressionToken &nameToken, int depth);
    Result<NodePtr> parseColumnArgument(const ExpressionToken &function);

    const ExpressionToken &peek() const { return m_tokens[m_pos]; }
    bool peekSymbol(std::string_view symbol) const;
    bool peekKeyword(std::string_view keyword) const;
    Status unexpected(std::string_view expected) const;
    Result<NodePtr> makeBinary(const ExpressionToken &op, NodePtr left, NodePtr right) const;
    // Sets the node's height; an error when it exceeds kMaxDepth.
    static Result<NodePtr> finish(std::shared_ptr<ExpressionNode> node);
    static Status tooDeep(std::size_t column);

    std::vector<ExpressionToken> m_tokens;
    std::size_t m_pos = 0;
};

} // namespace loupe
