#pragma once
// marbles' FileMixins applied to the checked data file (CheckEnvironment::dataPath), with their Not forms.
// Table-level. A run on a table that did not come from a file fails these tests (there is no file to
// examine), except file_not_exists, which then passes.
//   "file_exists"            the file exists and is a regular file
//   "file_name_equal"        name: the file's name (without directories) equals name
//   "file_name_matches"      pattern: the file's name matches the pattern as a whole (RE2 syntax, Pattern.h)
//   "file_type_equal"        extension (".csv" or "csv"): the file's extension, compared case-sensitively as marbles
//   "file_size_between"      min and/or max, in bytes, inclusive (covers marbles' SizeGreater/Less forms)
//   "file_size_equal"        size: exactly that many bytes
//   "file_size_almost_equal" size plus delta or places (unittest's almost-equal rules, FileSizeChecks.h)
//   "file_size_zero"         the file is empty
//   "file_encoding"          encoding: "utf-8" or "ascii"; the CONTENT is examined (unlike marbles, which reports
//                            the encoding the file was opened with); fails naming the line and byte of the first
//                            invalid byte
//   "file_line_endings"      style: "lf" or "crlf"; fails with the number of lines ending otherwise and the first one
// Not forms (Expectation::Negated) pass exactly when the positive form's condition is false:
//   file_not_exists, file_name_not_equal, file_name_not_matches, file_type_not_equal, file_size_not_equal,
//   file_size_not_almost_equal, file_size_not_zero, file_encoding_not_equal (the content has a byte that is
//   not valid in the encoding). An unreadable file fails both forms.

#include "core/checks/Assertion.h"
#include "core/checks/assertions/FileFinding.h"

namespace loupe {

class FileAssertion : public Assertion {
public:
    enum class Kind { Exists, NameEqual, NameMatches, TypeEqual, SizeBetween, SizeEqual, SizeAlmostEqual, SizeZero,
                      Encoding, LineEndings };
    enum class Expectation { Holds, Negated };

    // requires: Negated only for a kind marbles negates (not SizeBetween or LineEndings).
    explicit FileAssertion(Kind kind, Expectation expectation = Expectation::Holds);

    std::string_view name() const override;
    std::string_view summary() const override;
    std::vector<std::string_view> parameters() const override;
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;

private:
    bool negated() const { return m_expectation == Expectation::Negated; }
    AssertionOutcome existence(const std::string &path) const;
    FileFinding find(const std::string &path, const AssertionParams &params, const CancellationToken *cancel) const;
    FileFinding examineContent(const std::string &path, const AssertionParams &params,
                               const CancellationToken *cancel) const;
    Kind m_kind;
    Expectation m_expectation;
};

} // namespace loupe
