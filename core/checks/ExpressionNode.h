#pragma once
// The parsed form of an Expression (internal to core/checks). Nodes are immutable once built.

#include "core/checks/CheckValue.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace loupe {

enum class NodeKind {
    Literal, // value
    Local,   // name: a local computed earlier
    Column,  // name: a column, only as an aggregate's argument
    Unary,   // op ("-" or "not"), children[0]
    Binary,  // op, children[0] op children[1]
    Call,    // name(children...)
};

struct ExpressionNode {
    NodeKind kind = NodeKind::Literal;
    int height = 1;         // 1 + the tallest child's height
    std::size_t column = 1; // 1-based character position of the token that names this node
    CheckValue value;
    std::string name;
    std::string op;
    std::vector<std::shared_ptr<const ExpressionNode>> children;
};

using NodePtr = std::shared_ptr<const ExpressionNode>;

} // namespace loupe
