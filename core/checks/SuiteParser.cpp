#include "core/checks/SuiteParser.h"

#include "core/checks/JsonPositionIndex.h"
#include "core/util/JsonReader.h"

#include <algorithm>

namespace loupe {

namespace {

using OrderedJson = nlohmann::ordered_json;

const std::vector<std::string> kSuiteKeys = {"suite", "description", "locals", "tests"};
const std::vector<std::string> kCommonTestKeys = {"name", "assert", "locals", "note", "severity", "mostly", "description"};

class ParseRun {
public:
    ParseRun(const std::string &path, const JsonPositionIndex &index, const AssertionRegistry &registry)
        : m_path(path), m_index(index), m_registry(registry)
    {
    }

    Status fail(const std::string &pointer, const std::string &message) const
    {
        return Status::invalidInput(where(m_index.lineFor(pointer)) + ": " + message);
    }

    std::string where(std::size_t line) const { return (m_path.empty() ? "suite" : m_path) + ":" + std::to_string(line); }

    Result<CheckSuite> parse(const OrderedJson &root, std::string_view text)
    {
        CheckSuite suite;
        suite.path = m_path;
        if (!root.is_object())
            return fail("", "a suite is a JSON object with \"suite\" and \"tests\"");
        if (Status s = checkKeys(root, "", kSuiteKeys, "suite"); !s.isOk())
            return s;
        if (root.contains("suite")) {
            if (!root["suite"].is_string())
                return fail("/suite", "\"suite\" must be a string (the suite's name)");
            suite.name = root["suite"].get<std::string>();
        }
        if (root.contains("description")) {
            if (!root["description"].is_string())
                return fail("/description", "\"description\" must be a string");
            suite.description = root["description"].get<std::string>();
        }
        std::vector<std::string> known;
        if (root.contains("locals")) {
            Result<std::vector<CheckLocalSpec>> locals = parseLocals(root["locals"], "/locals", known, "");
            if (!locals.isOk())
                return locals.status();
            suite.locals = locals.takeValue();
        }
        if (!root.contains("tests") || !root["tests"].is_array())
            return fail("", "the suite needs a \"tests\" array");
        const OrderedJson &tests = root["tests"];
        for (std::size_t i = 0; i < tests.size(); ++i) {
            Result<CheckTestSpec> test = parseTest(tests[i], "/tests/" + std::to_string(i), known, text);
            if (!test.isOk())
                return test.status();
            for (const CheckTestSpec &earlier : suite.tests) {
                if (earlier.name == test.value().name)
                    return fail("/tests/" + std::to_string(i), "test name '" + earlier.name
                                                                   + "' is already used at " + where(earlier.line));
            }
            suite.tests.push_back(test.takeValue());
        }
        if (suite.name.empty())
            suite.name = "suite";
        return suite;
    }

private:
    Status checkKeys(const OrderedJson &object, const std::string &pointer, const std::vector<std::string> &allowed,
                     const std::string &what) const
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (std::find(allowed.begin(), allowed.end(), it.key()) != allowed.end())
                continue;
            const std::string close = closestWord(it.key(), allowed);
            std::string list;
            for (const std::string &key : allowed)
                list += (list.empty() ? "" : ", ") + key;
            return fail(pointer + "/" + jsonPointerToken(it.key()),
                        what + ": unknown key '" + it.key() + "'"
                            + (close.empty() ? " (accepted: " + list + ")" : " (did you mean '" + close + "'?)"));
        }
        return Status::ok();
    }

    Result<std::vector<CheckLocalSpec>> parseLocals(const OrderedJson &locals, const std::string &pointer,
                                                    std::vector<std::string> &known, const std::string &prefix) const
    {
        if (!locals.is_object())
            return fail(pointer, prefix + "\"locals\" must be an object {\"name\": \"expression\", ...}");
        std::vector<CheckLocalSpec> out;
        for (auto it = locals.begin(); it != locals.end(); ++it) {
            const std::string localPointer = pointer + "/" + jsonPointerToken(it.key());
            if (!isLocalName(it.key()))
                return fail(localPointer, prefix + "local '" + it.key() + "': a name is letters, digits and _, not starting with a digit");
            if (std::find(known.begin(), known.end(), it.key()) != known.end())
                return fail(localPointer, prefix + "local '" + it.key() + "' is already defined");
            std::string text;
            if (it.value().is_string())
                text = it.value().get<std::string>();
            else if (it.value().is_number())
                text = it.value().dump();
            else
                return fail(localPointer, prefix + "local '" + it.key() + "': expected an expression string such as \"days(30)\"");
            Result<Expression> expression = Expression::parse(text);
            if (!expression.isOk())
                return fail(localPointer, prefix + "local '" + it.key() + "': " + expression.message());
            for (const std::string &used : expression.value().localNames()) {
                if (std::find(known.begin(), known.end(), used) == known.end())
                    return fail(localPointer, prefix + "local '" + it.key() + "' uses '" + used
                                                  + "', which is not defined before it (locals are computed in order)");
            }
            known.push_back(it.key());
            out.push_back(CheckLocalSpec{it.key(), expression.takeValue(), m_index.lineFor(localPointer)});
        }
        return out;
    }

    static bool isLocalName(const std::string &name)
    {
        if (name.empty() || (name[0] >= '0' && name[0] <= '9'))
            return false;
        return std::all_of(name.begin(), name.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        });
    }

    Result<CheckTestSpec> parseTest(const OrderedJson &object, const std::string &pointer,
                                    std::vector<std::string> suiteLocals, std::string_view text) const
    {
        CheckTestSpec test;
        test.line = m_index.lineFor(pointer);
        if (const JsonSpan *span = m_index.find(pointer)) {
            // Whole lines, from the start of the line holding '{' to the end of the line holding '}'.
            const std::size_t lineStart = text.rfind('\n', span->begin) == std::string_view::npos
                                              ? 0
                                              : text.rfind('\n', span->begin) + 1;
            const std::size_t lineEnd = std::min(text.find('\n', span->end - 1), text.size());
            test.definition = std::string(text.substr(lineStart, lineEnd - lineStart));
        }
        if (!object.is_object())
            return fail(pointer, "a test is an object {\"name\", \"assert\", ...}");
        if (!object.contains("name") || !object["name"].is_string() || object["name"].get<std::string>().empty())
            return fail(pointer, "the test needs a \"name\" (a non-empty string)");
        test.name = object["name"].get<std::string>();
        const std::string label = "test '" + test.name + "'";
        if (!object.contains("assert") || !object["assert"].is_string())
            return fail(pointer, label + ": \"assert\" (the assertion's name) is required");
        test.assertion = object["assert"].get<std::string>();
        const Assertion *assertion = m_registry.find(test.assertion);
        if (!assertion) {
            const std::string close = m_registry.closestName(test.assertion);
            return fail(pointer + "/assert", label + ": unknown assertion '" + test.assertion + "'"
                                                 + (close.empty() ? " (see docs/checks.md for the list)"
                                                                  : " (did you mean '" + close + "'?)"));
        }
        std::vector<std::string> allowed = kCommonTestKeys;
        for (std::string_view key : assertion->parameters())
            allowed.emplace_back(key);
        if (Status s = checkKeys(object, pointer, allowed, label + " (" + test.assertion + ")"); !s.isOk())
            return s;
        if (object.contains("severity")) {
            const OrderedJson &severity = object["severity"];
            if (severity == "error")
                test.severity = CheckSeverity::Error;
            else if (severity == "warn" || severity == "warning")
                test.severity = CheckSeverity::Warn;
            else
                return fail(pointer + "/severity", label + ": severity must be \"error\" or \"warn\"");
        }
        if (object.contains("mostly")) {
            const OrderedJson &mostly = object["mostly"];
            if (!mostly.is_number() || mostly.get<double>() < 0.0 || mostly.get<double>() > 1.0)
                return fail(pointer + "/mostly", label + ": mostly must be a number from 0 to 1 (the fraction that must pass)");
            test.mostly = mostly.get<double>();
        }
        if (object.contains("locals")) {
            Result<std::vector<CheckLocalSpec>> locals = parseLocals(object["locals"], pointer + "/locals", suiteLocals, label + " (" + test.assertion + "): ");
            if (!locals.isOk())
                return locals.status();
            test.locals = locals.takeValue();
        }
        if (object.contains("note")) {
            if (!object["note"].is_string())
                return fail(pointer + "/note", label + ": note must be a string");
            test.note = object["note"].get<std::string>();
            Result<std::vector<std::string>> fields = noteFields(test.note);
            if (!fields.isOk())
                return fail(pointer + "/note", label + ": note: " + fields.message());
            for (const std::string &field : fields.value()) {
                if (std::find(suiteLocals.begin(), suiteLocals.end(), field) == suiteLocals.end())
                    return fail(pointer + "/note", label + ": note field {" + field + "} is not a local");
            }
        }
        test.params = nlohmann::json::parse(object.dump());
        return test;
    }

    const std::string &m_path;
    const JsonPositionIndex &m_index;
    const AssertionRegistry &m_registry;
};

} // namespace

const char *checkSeverityName(CheckSeverity severity) { return severity == CheckSeverity::Warn ? "warn" : "error"; }

std::string CheckSuite::location(std::size_t line) const
{
    return (path.empty() ? std::string("suite") : path) + ":" + std::to_string(line);
}

Result<CheckSuite> SuiteParser::parseFile(const std::string &path, const AssertionRegistry &registry)
{
    Result<std::string> text = JsonReader::readFile(path);
    if (!text.isOk())
        return text.status();
    return parseText(text.value(), path, registry);
}

Result<CheckSuite> SuiteParser::parseText(std::string_view text, const std::string &displayPath,
                                          const AssertionRegistry &registry)
{
    const std::string name = displayPath.empty() ? std::string("suite") : displayPath;
    Result<OrderedJson> parsed = JsonReader::parseOrdered(text, name);
    if (!parsed.isOk())
        return parsed.status();
    const OrderedJson &root = parsed.value();
    Result<JsonPositionIndex> index = JsonPositionIndex::build(text);
    if (!index.isOk())
        return Status::invalidInput(name + ": " + index.message());
    ParseRun run(displayPath, index.value(), registry);
    return run.parse(root, text);
}

Result<std::vector<std::string>> noteFields(std::string_view note)
{
    std::vector<std::string> fields;
    for (std::size_t i = 0; i < note.size(); ++i) {
        if (note[i] == '{' && i + 1 < note.size() && note[i + 1] == '{') {
            ++i;
            continue;
        }
        if (note[i] == '}' && i + 1 < note.size() && note[i + 1] == '}') {
            ++i;
            continue;
        }
        if (note[i] == '}')
            return Status::invalidInput("a single '}' at character " + std::to_string(i + 1) + " (write '}}' for a brace)");
        if (note[i] != '{')
            continue;
        const std::size_t close = note.find('}', i);
        if (close == std::string_view::npos)
            return Status::invalidInput("'{' at character " + std::to_string(i + 1) + " is never closed");
        fields.emplace_back(note.substr(i + 1, close - i - 1));
        i = close;
    }
    return fields;
}

std::string formatNote(std::string_view note, const std::vector<std::pair<std::string, std::string>> &values)
{
    std::string out;
    for (std::size_t i = 0; i < note.size(); ++i) {
        if ((note[i] == '{' || note[i] == '}') && i + 1 < note.size() && note[i + 1] == note[i]) {
            out += note[i++];
            continue;
        }
        if (note[i] != '{') {
            out += note[i];
            continue;
        }
        const std::size_t close = note.find('}', i);
        const std::string_view field = note.substr(i + 1, close - i - 1);
        for (const auto &[name, value] : values) {
            if (name == field) {
                out += value;
                break;
            }
        }
        i = close;
    }
    return out;
}

} // namespace loupe
