#include "core/checks/Expression.h"

#include "core/checks/ExpressionFunctions.h"
#include "core/checks/ExpressionNode.h"
#include "core/checks/ExpressionOperators.h"
#include "core/checks/ExpressionParser.h"
#include "core/data/Table.h"

#include <algorithm>

namespace loupe {

namespace {

using ValueResult = Result<CheckValue>;

constexpr std::size_t kMaxListedNames = 30;

std::string listNames(const std::vector<std::string> &names)
{
    std::string text;
    for (std::size_t i = 0; i < names.size() && i < kMaxListedNames; ++i)
        text += (i ? ", " : "") + names[i];
    if (names.size() > kMaxListedNames)
        text += ", ... (" + std::to_string(names.size()) + " in all)";
    return text;
}

class Evaluator {
public:
    Evaluator(const std::string &text, const ExpressionContext &context) : m_text(text), m_context(context) {}

    ValueResult evaluate(const ExpressionNode &node) const;

private:
    Status errorAt(const ExpressionNode &node, const std::string &what) const
    {
        return Status::invalidInput("expression '" + m_text + "': column " + std::to_string(node.column) + ": " + what);
    }
    ValueResult located(const ExpressionNode &node, ValueResult result) const
    {
        if (result.isOk())
            return result;
        return ValueResult(errorAt(node, result.message()));
    }
    ValueResult local(const ExpressionNode &node) const;
    ValueResult call(const ExpressionNode &node) const;
    ValueResult aggregate(const ExpressionNode &node, const ExpressionFunction &function) const;

    const std::string &m_text;
    const ExpressionContext &m_context;
};

ValueResult Evaluator::evaluate(const ExpressionNode &node) const
{
    switch (node.kind) {
    case NodeKind::Literal:
        return node.value;
    case NodeKind::Local:
        return local(node);
    case NodeKind::Column:
        return ValueResult(errorAt(node, "column '" + node.name + "' can only be read by an aggregate"));
    case NodeKind::Call:
        return call(node);
    case NodeKind::Unary: {
        auto operand = evaluate(*node.children[0]);
        if (!operand.isOk())
            return operand;
        return located(node, ExpressionOperators::unary(node.op, operand.value()));
    }
    case NodeKind::Binary: {
        auto left = evaluate(*node.children[0]);
        if (!left.isOk())
            return left;
        auto right = evaluate(*node.children[1]);
        if (!right.isOk())
            return right;
        return located(node, ExpressionOperators::binary(node.op, left.value(), right.value()));
    }
    }
    return ValueResult(errorAt(node, "unknown node"));
}

ValueResult Evaluator::local(const ExpressionNode &node) const
{
    const auto found = m_context.locals.find(node.name);
    if (found != m_context.locals.end())
        return found->second;
    if (m_context.table && m_context.table->find(node.name))
        return ValueResult(errorAt(node, "'" + node.name + "' is a column, not a value; read it with an aggregate "
                                         "such as max(" + node.name + ") or count(" + node.name + ")"));
    std::vector<std::string> names;
    for (const auto &entry : m_context.locals)
        names.push_back(entry.first);
    if (names.empty())
        return ValueResult(errorAt(node, "unknown name '" + node.name + "'; no locals are defined before this one "
                                         "(a local can use only the locals listed above it)"));
    return ValueResult(errorAt(node, "unknown name '" + node.name + "'; locals defined so far: " + listNames(names)));
}

ValueResult Evaluator::call(const ExpressionNode &node) const
{
    const ExpressionFunction *function = ExpressionFunctions::find(node.name);
    if (function->arguments == ArgumentKind::ColumnFirst)
        return aggregate(node, *function);
    std::vector<CheckValue> args;
    for (const NodePtr &child : node.children) {
        auto value = evaluate(*child);
        if (!value.isOk())
            return value;
        args.push_back(value.takeValue());
    }
    return located(node, ExpressionFunctions::callScalar(*function, args, m_context));
}

ValueResult Evaluator::aggregate(const ExpressionNode &node, const ExpressionFunction &function) const
{
    if (!m_context.table)
        return ValueResult(errorAt(node, node.name + "() reads the data, and no data is loaded here"));
    const Column *column = nullptr;
    if (!node.children.empty()) {
        const ExpressionNode &columnNode = *node.children.front();
        column = m_context.table->find(columnNode.name);
        if (!column) {
            std::vector<std::string> names;
            for (const Column &c : m_context.table->columns())
                names.push_back(c.name());
            return ValueResult(errorAt(columnNode, "unknown column '" + columnNode.name + "'; the columns are: "
                                                       + listNames(names)));
        }
    }
    std::vector<CheckValue> extra;
    for (std::size_t i = 1; i < node.children.size(); ++i) {
        auto value = evaluate(*node.children[i]);
        if (!value.isOk())
            return value;
        extra.push_back(value.takeValue());
    }
    return located(node, ExpressionFunctions::callAggregate(function, column, m_context.table->rowCount(), extra));
}

void collectNames(const ExpressionNode &node, NodeKind kind, std::vector<std::string> &names)
{
    if (node.kind == kind && std::find(names.begin(), names.end(), node.name) == names.end())
        names.push_back(node.name);
    for (const NodePtr &child : node.children)
        collectNames(*child, kind, names);
}

} // namespace

Result<Expression> Expression::parse(std::string_view text)
{
    auto root = ExpressionParser::parse(text);
    if (!root.isOk())
        return Result<Expression>(Status::invalidInput("expression '" + std::string(text) + "': " + root.message()));
    Expression expression;
    expression.m_text = std::string(text);
    expression.m_root = root.takeValue();
    return expression;
}

Result<CheckValue> Expression::evaluate(const ExpressionContext &context) const
{
    if (!m_root)
        return ValueResult(Status::invalidInput("expression is empty"));
    return Evaluator(m_text, context).evaluate(*m_root);
}

std::vector<std::string> Expression::localNames() const
{
    std::vector<std::string> names;
    if (m_root)
        collectNames(*m_root, NodeKind::Local, names);
    return names;
}

std::vector<std::string> Expression::columnNames() const
{
    std::vector<std::string> names;
    if (m_root)
        collectNames(*m_root, NodeKind::Column, names);
    return names;
}

Result<CheckValue> evaluateExpression(std::string_view text, const ExpressionContext &context)
{
    auto expression = Expression::parse(text);
    if (!expression.isOk())
        return ValueResult(expression.status());
    return expression.value().evaluate(context);
}

} // namespace loupe
