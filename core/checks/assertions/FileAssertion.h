#pragma once
// marbles' FileMixins applied to the checked data file (CheckEnvironment::dataPath). Table-level. A run on a
// table that did not come from a file fails these tests (there is no file to examine).
//   "file_exists"          the file exists and is a regular file
//   "file_name_equal"      name: the file's name (without directories) equals name
//   "file_name_matches"    pattern: the file's name matches the pattern as a whole (PatternProgram.h syntax)
//   "file_type_equal"      extension (".csv" or "csv"): the file's extension, compared case-sensitively as marbles
//   "file_size_between"    min and/or max, in bytes, inclusive (covers marbles' SizeEqual/Greater/Less forms)
//   "file_encoding"        encoding: "utf-8" or "ascii"; the CONTENT is examined (unlike marbles, which reports
//                          the encoding the file was opened with); fails naming the line and byte of the first
//                          invalid byte
//   "file_line_endings"    style: "lf" or "crlf"; fails with the number of lines ending otherwise and the first one

#include "core/checks/Assertion.h"

namespace loupe {

class FileAssertion : public Assertion {
public:
    enum class Kind { Exists, NameEqual, NameMatches, TypeEqual, SizeBetween, Encoding, LineEndings };

    explicit FileAssertion(Kind kind) : m_kind(kind) {}

    std::string_view name() const override;
    std::string_view summary() const override;
    std::vector<std::string_view> parameters() const override;
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;

private:
    AssertionOutcome examineContent(const std::string &path, const AssertionParams &params,
                                    const CancellationToken *cancel) const;
    Kind m_kind;
};

} // namespace loupe
