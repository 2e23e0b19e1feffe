#include "core/checks/PatternProgram.h"

#include <algorithm>
#include <memory>

namespace loupe {

void CodePointSet::addRange(char32_t first, char32_t last)
{
    for (char32_t cp = first; cp <= last && cp < 128; ++cp)
        m_ascii.set(cp);
    if (last >= 128)
        m_ranges.emplace_back(std::max<char32_t>(first, 128), last);
}

void CodePointSet::addSet(const CodePointSet &other)
{
    m_ascii |= other.m_ascii;
    m_ranges.insert(m_ranges.end(), other.m_ranges.begin(), other.m_ranges.end());
}

bool CodePointSet::containsSlow(char32_t cp) const
{
    bool inside = false;
    for (const auto &[first, last] : m_ranges) {
        if (cp >= first && cp <= last) {
            inside = true;
            break;
        }
    }
    return inside != m_negated;
}

int CodePointSet::singleAsciiByte() const
{
    if (m_negated || !m_ranges.empty() || m_ascii.count() != 1)
        return -1;
    for (int byte = 0; byte < 128; ++byte) {
        if (m_ascii.test(static_cast<std::size_t>(byte)))
            return byte;
    }
    return -1;
}

char32_t decodeUtf8(std::string_view text, std::size_t &i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    int extra = 0;
    char32_t cp = 0;
    if ((lead & 0xE0) == 0xC0) {
        extra = 1;
        cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        extra = 2;
        cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        extra = 3;
        cp = lead & 0x07;
    } else {
        ++i;
        return 0xFFFD;
    }
    for (int k = 1; k <= extra; ++k) {
        if (i + k >= text.size() || (byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}

namespace {

constexpr int kUnbounded = -1;
constexpr int kMaxCount = 1000;

struct Node {
    enum class Kind { Set, Concat, Alternation, Repeat };
    Kind kind = Kind::Concat;
    int set = -1;
    int min = 0;
    int max = 0;
    std::vector<std::unique_ptr<Node>> children;
};

std::unique_ptr<Node> makeNode(Node::Kind kind)
{
    auto node = std::make_unique<Node>();
    node->kind = kind;
    return node;
}

// Recursive-descent parser: alternation := concat ('|' concat)*; concat := repeat*; repeat := atom quantifier?
class Parser {
public:
    Parser(std::string_view text, PatternProgram &program) : m_text(text), m_program(program) {}

    Result<std::unique_ptr<Node>> parseAll()
    {
        auto node = parseAlternation(0);
        if (!m_error.empty())
            return Status::invalidInput(m_error);
        if (m_pos < m_text.size())
            return Status::invalidInput(errorAt(m_pos, "unbalanced ')'"));
        return node;
    }

private:
    std::string errorAt(std::size_t pos, const std::string &what) const
    {
        return "pattern position " + std::to_string(pos + 1) + ": " + what;
    }
    void fail(std::size_t pos, const std::string &what)
    {
        if (m_error.empty())
            m_error = errorAt(pos, what);
    }
    bool failed() const { return !m_error.empty(); }
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text[m_pos]; }

    int addSet(CodePointSet set)
    {
        m_program.sets.push_back(std::move(set));
        return static_cast<int>(m_program.sets.size() - 1);
    }
    std::unique_ptr<Node> setNode(CodePointSet set)
    {
        auto node = makeNode(Node::Kind::Set);
        node->set = addSet(std::move(set));
        return node;
    }

    std::unique_ptr<Node> parseAlternation(int depth)
    {
        if (depth > 100) {
            fail(m_pos, "groups nested deeper than 100");
            return nullptr;
        }
        auto first = parseConcat(depth);
        if (failed() || atEnd() || peek() != '|')
            return first;
        auto alternation = makeNode(Node::Kind::Alternation);
        alternation->children.push_back(std::move(first));
        while (!failed() && !atEnd() && peek() == '|') {
            ++m_pos;
            alternation->children.push_back(parseConcat(depth));
        }
        return alternation;
    }

    std::unique_ptr<Node> parseConcat(int depth)
    {
        auto concat = makeNode(Node::Kind::Concat);
        while (!failed() && !atEnd() && peek() != '|' && peek() != ')') {
            auto atom = parseAtom(depth);
            if (failed())
                break;
            if (atom)
                concat->children.push_back(parseQuantifier(std::move(atom)));
        }
        return concat;
    }

    std::unique_ptr<Node> parseAtom(int depth);
    std::unique_ptr<Node> parseQuantifier(std::unique_ptr<Node> atom);
    bool parseCount(int &value);
    bool parseClass(CodePointSet &set);
    bool parseEscape(CodePointSet &set, bool insideClass, bool &isSingle, char32_t &single);

    std::string_view m_text;
    PatternProgram &m_program;
    std::size_t m_pos = 0;
    std::string m_error;
};

CodePointSet classOf(char letter)
{
    CodePointSet set;
    switch (letter) {
    case 'd':
        set.addRange('0', '9');
        break;
    case 'w':
        set.addRange('a', 'z');
        set.addRange('A', 'Z');
        set.addRange('0', '9');
        set.addRange('_', '_');
        break;
    default: // 's'
        set.addRange(' ', ' ');
        set.addRange('\t', '\r');
        break;
    }
    return set;
}

bool Parser::parseEscape(CodePointSet &set, bool insideClass, bool &isSingle, char32_t &single)
{
    const std::size_t at = m_pos;
    ++m_pos; // the backslash
    if (atEnd()) {
        fail(at, "pattern ends with a lone backslash");
        return false;
    }
    const char c = peek();
    ++m_pos;
    isSingle = false;
    switch (c) {
    case 'd': case 'w': case 's':
        set.addSet(classOf(c));
        return true;
    case 'D': case 'W': case 'S':
        if (insideClass) {
            fail(at, std::string("\\") + c + " is not supported inside [...]");
            return false;
        }
        set = classOf(static_cast<char>(c - 'A' + 'a'));
        set.setNegated(true);
        return true;
    case 't': single = '\t'; break;
    case 'n': single = '\n'; break;
    case 'r': single = '\r'; break;
    default:
        if (std::string_view(".\\-[](){}*+?|^$/").find(c) == std::string_view::npos) {
            fail(at, std::string("unsupported escape \\") + c);
            return false;
        }
        single = static_cast<unsigned char>(c);
    }
    isSingle = true;
    set.addRange(single, single);
    return true;
}

bool Parser::parseClass(CodePointSet &set)
{
    const std::size_t open = m_pos;
    ++m_pos; // '['
    bool negated = false;
    if (!atEnd() && peek() == '^') {
        negated = true;
        ++m_pos;
    }
    bool first = true;
    while (true) {
        if (atEnd()) {
            fail(open, "'[' is never closed");
            return false;
        }
        if (peek() == ']' && !first)
            break;
        first = false;
        char32_t low = 0;
        bool isSingle = true;
        if (peek() == '\\') {
            if (!parseEscape(set, true, isSingle, low))
                return false;
            if (!isSingle)
                continue;
        } else {
            low = decodeUtf8(m_text, m_pos);
        }
        if (m_pos + 1 < m_text.size() && peek() == '-' && m_text[m_pos + 1] != ']') {
            const std::size_t dash = m_pos;
            ++m_pos;
            char32_t high = 0;
            if (peek() == '\\') {
                CodePointSet ignored;
                if (!parseEscape(ignored, true, isSingle, high))
                    return false;
                if (!isSingle) {
                    fail(dash, "a range cannot end in a class escape");
                    return false;
                }
            } else {
                high = decodeUtf8(m_text, m_pos);
            }
            if (high < low) {
                fail(dash, "range out of order");
                return false;
            }
            set.addRange(low, high);
        } else {
            set.addRange(low, low);
        }
    }
    ++m_pos; // ']'
    set.setNegated(negated);
    return true;
}

std::unique_ptr<Node> Parser::parseAtom(int depth)
{
    const std::size_t at = m_pos;
    const char c = peek();
    CodePointSet set;
    switch (c) {
    case '(': {
        ++m_pos;
        if (m_text.substr(m_pos, 2) == "?:")
            m_pos += 2;
        else if (!atEnd() && peek() == '?') {
            fail(m_pos, "look-around and inline flags are not supported");
            return nullptr;
        }
        auto inner = parseAlternation(depth + 1);
        if (failed())
            return nullptr;
        if (atEnd() || peek() != ')') {
            fail(at, "'(' is never closed");
            return nullptr;
        }
        ++m_pos;
        return inner;
    }
    case '[':
        if (!parseClass(set))
            return nullptr;
        return setNode(std::move(set));
    case '.':
        ++m_pos;
        set.setNegated(true); // the empty set, negated: any code point
        return setNode(std::move(set));
    case '\\': {
        bool isSingle = false;
        char32_t single = 0;
        if (!parseEscape(set, false, isSingle, single))
            return nullptr;
        return setNode(std::move(set));
    }
    case '^':
        if (at != 0) {
            fail(at, "'^' is only supported at the start of the pattern");
            return nullptr;
        }
        ++m_pos;
        m_program.anchoredStart = true;
        return nullptr;
    case '$':
        if (at + 1 != m_text.size()) {
            fail(at, "'$' is only supported at the end of the pattern");
            return nullptr;
        }
        ++m_pos;
        m_program.anchoredEnd = true;
        return nullptr;
    case '*': case '+': case '?': case '{':
        fail(at, std::string("quantifier '") + c + "' has nothing to repeat");
        return nullptr;
    default: {
        const char32_t cp = decodeUtf8(m_text, m_pos);
        set.addRange(cp, cp);
        return setNode(std::move(set));
    }
    }
}

bool Parser::parseCount(int &value)
{
    const std::size_t start = m_pos;
    value = 0;
    while (!atEnd() && peek() >= '0' && peek() <= '9') {
        value = value * 10 + (peek() - '0');
        if (value > kMaxCount) {
            fail(start, "repeat count above " + std::to_string(kMaxCount));
            return false;
        }
        ++m_pos;
    }
    return m_pos > start;
}

std::unique_ptr<Node> Parser::parseQuantifier(std::unique_ptr<Node> atom)
{
    if (atEnd())
        return atom;
    const std::size_t at = m_pos;
    int min = 0;
    int max = 0;
    switch (peek()) {
    case '*': min = 0; max = kUnbounded; ++m_pos; break;
    case '+': min = 1; max = kUnbounded; ++m_pos; break;
    case '?': min = 0; max = 1; ++m_pos; break;
    case '{': {
        ++m_pos;
        if (!parseCount(min)) {
            fail(at, "'{' must be followed by a count, as in {3} or {2,5}");
            return nullptr;
        }
        max = min;
        if (!atEnd() && peek() == ',') {
            ++m_pos;
            if (!parseCount(max))
                max = kUnbounded;
        }
        if (failed() || atEnd() || peek() != '}') {
            fail(at, "'{' repeat is never closed with '}'");
            return nullptr;
        }
        ++m_pos;
        if (max != kUnbounded && max < min) {
            fail(at, "repeat {m,n} needs m <= n");
            return nullptr;
        }
        break;
    }
    default:
        return atom;
    }
    if (!atEnd() && (peek() == '?' || peek() == '+')) {
        fail(m_pos, "lazy and possessive quantifiers are not supported");
        return nullptr;
    }
    if (!atEnd() && (peek() == '*' || peek() == '{')) {
        fail(m_pos, "a quantifier cannot follow a quantifier");
        return nullptr;
    }
    auto repeat = makeNode(Node::Kind::Repeat);
    repeat->min = min;
    repeat->max = max;
    repeat->children.push_back(std::move(atom));
    return repeat;
}

// Builds states back to front: compile(node, next) returns the entry state of node followed by `next`.
class Compiler {
public:
    explicit Compiler(PatternProgram &program) : m_program(program) {}

    int compile(const Node &node, int next)
    {
        if (m_overflow)
            return next;
        switch (node.kind) {
        case Node::Kind::Set:
            return add({PatternState::Kind::Consume, node.set, next, -1});
        case Node::Kind::Concat:
            for (auto it = node.children.rbegin(); it != node.children.rend(); ++it)
                next = compile(**it, next);
            return next;
        case Node::Kind::Alternation: {
            int entry = compile(*node.children.back(), next);
            for (std::size_t i = node.children.size() - 1; i-- > 0;)
                entry = add({PatternState::Kind::Split, -1, compile(*node.children[i], next), entry});
            return entry;
        }
        case Node::Kind::Repeat:
            return compileRepeat(node, next);
        }
        return next;
    }

    bool overflowed() const { return m_overflow; }

private:
    int compileRepeat(const Node &node, int next)
    {
        const Node &body = *node.children.front();
        int entry = next;
        if (node.max == kUnbounded) {
            const int loop = add({PatternState::Kind::Split, -1, -1, next});
            const int bodyEntry = compile(body, loop);
            if (!m_overflow)
                m_program.states[static_cast<std::size_t>(loop)].out = bodyEntry;
            entry = loop;
        } else {
            for (int i = node.min; i < node.max && !m_overflow; ++i)
                entry = add({PatternState::Kind::Split, -1, compile(body, entry), next});
        }
        for (int i = 0; i < node.min && !m_overflow; ++i)
            entry = compile(body, entry);
        return entry;
    }

    int add(PatternState state)
    {
        if (m_program.states.size() >= PatternProgram::kMaxStates) {
            m_overflow = true;
            return 0;
        }
        m_program.states.push_back(state);
        return static_cast<int>(m_program.states.size() - 1);
    }

    PatternProgram &m_program;
    bool m_overflow = false;
};

} // namespace

Result<PatternProgram> PatternProgram::compile(std::string_view pattern)
{
    if (pattern.size() > kMaxPatternLength)
        return Status::invalidInput("pattern is longer than " + std::to_string(kMaxPatternLength) + " characters");
    PatternProgram program;
    Parser parser(pattern, program);
    auto root = parser.parseAll();
    if (!root.isOk())
        return root.status();
    program.states.push_back({PatternState::Kind::Match, -1, -1, -1});
    Compiler compiler(program);
    program.start = root.value() ? compiler.compile(*root.value(), 0) : 0;
    if (compiler.overflowed())
        return Status::invalidInput("pattern expands to more than " + std::to_string(kMaxStates) +
                                    " states; use smaller repeat counts");
    return program;
}

} // namespace loupe
