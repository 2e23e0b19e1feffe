#include "core/checks/assertions/FileAssertion.h"

#include "core/checks/Pattern.h"
#include "core/checks/assertions/FileSizeChecks.h"
#include "core/data/Utf8.h"

#include <cassert>
#include <filesystem>
#include <fstream>

namespace loupe {

namespace {

namespace fs = std::filesystem;

// Streams the file through scan(chunk, offset) in 1 MiB pieces; false when it cannot be read.
template <typename Scan>
bool readChunks(const std::string &path, Scan scan, const CancellationToken *cancel)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::string buffer(1 << 20, '\0');
    std::uint64_t offset = 0;
    while (in) {
        if (cancel && cancel->isCancelled())
            return true;
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0)
            break;
        if (!scan(std::string_view(buffer.data(), got), offset))
            break;
        offset += got;
    }
    return true;
}

struct EncodingScan {
    bool ascii = false;
    std::string carry;           // an incomplete UTF-8 sequence at the end of the previous chunk
    std::uint64_t line = 1;
    std::uint64_t badOffset = 0;
    bool bad = false;
};

bool scanEncoding(EncodingScan &state, std::string_view chunk, std::uint64_t offset)
{
    std::string joined = state.carry + std::string(chunk);
    const std::uint64_t base = offset - state.carry.size();
    // Hold back up to 3 trailing bytes that may start a sequence completed by the next chunk.
    std::size_t keep = 0;
    while (keep < 3 && keep < joined.size() && (static_cast<unsigned char>(joined[joined.size() - 1 - keep]) & 0xC0) == 0x80)
        ++keep;
    if (keep < joined.size() && static_cast<unsigned char>(joined[joined.size() - 1 - keep]) >= 0xC0)
        ++keep;
    else
        keep = 0;
    const std::string_view body(joined.data(), joined.size() - keep);
    std::size_t invalid = Utf8::firstInvalid(body);
    if (state.ascii) {
        for (std::size_t i = 0; i < body.size(); ++i) {
            if (static_cast<unsigned char>(body[i]) >= 0x80) {
                invalid = std::min(invalid, i);
                break;
            }
        }
    }
    const std::size_t counted = invalid == Utf8::npos ? body.size() : invalid;
    for (std::size_t i = 0; i < counted; ++i)
        state.line += body[i] == '\n' ? 1 : 0;
    if (invalid != Utf8::npos) {
        state.bad = true;
        state.badOffset = base + invalid;
        return false;
    }
    state.carry = joined.substr(joined.size() - keep);
    return true;
}

} // namespace

FileAssertion::FileAssertion(Kind kind, Expectation expectation) : m_kind(kind), m_expectation(expectation)
{
    assert(expectation == Expectation::Holds || (kind != Kind::SizeBetween && kind != Kind::LineEndings));
}

std::string_view FileAssertion::name() const
{
    const bool no = negated();
    switch (m_kind) {
    case Kind::Exists: return no ? "file_not_exists" : "file_exists";
    case Kind::NameEqual: return no ? "file_name_not_equal" : "file_name_equal";
    case Kind::NameMatches: return no ? "file_name_not_matches" : "file_name_matches";
    case Kind::TypeEqual: return no ? "file_type_not_equal" : "file_type_equal";
    case Kind::SizeBetween: return "file_size_between";
    case Kind::SizeEqual: return no ? "file_size_not_equal" : "file_size_equal";
    case Kind::SizeAlmostEqual: return no ? "file_size_not_almost_equal" : "file_size_almost_equal";
    case Kind::SizeZero: return no ? "file_size_not_zero" : "file_size_zero";
    case Kind::Encoding: return no ? "file_encoding_not_equal" : "file_encoding";
    case Kind::LineEndings: break;
    }
    return "file_line_endings";
}

std::string_view FileAssertion::summary() const
{
    const bool no = negated();
    switch (m_kind) {
    case Kind::Exists: return no ? "there is no data file" : "the data file exists";
    case Kind::NameEqual: return no ? "the data file does not have this name" : "the data file has this name";
    case Kind::NameMatches:
        return no ? "the data file's name does not match the pattern" : "the data file's name matches the pattern";
    case Kind::TypeEqual: return no ? "the data file does not have this extension" : "the data file has this extension";
    case Kind::SizeBetween: return "the data file's size lies between min and max bytes";
    case Kind::SizeEqual: return no ? "the data file's size is not this many bytes" : "the data file's size is this many bytes";
    case Kind::SizeAlmostEqual:
        return no ? "the data file's size is not within the tolerance of size" : "the data file's size is within the tolerance of size";
    case Kind::SizeZero: return no ? "the data file is not empty" : "the data file is empty";
    case Kind::Encoding:
        return no ? "the data file's content is not valid in the encoding" : "the data file's content is valid in the encoding";
    case Kind::LineEndings: break;
    }
    return "every line of the data file ends the same way";
}

std::vector<std::string_view> FileAssertion::parameters() const
{
    switch (m_kind) {
    case Kind::Exists: return {};
    case Kind::NameEqual: return {"name"};
    case Kind::NameMatches: return {"pattern"};
    case Kind::TypeEqual: return {"extension"};
    case Kind::SizeBetween: return {"min", "max"};
    case Kind::SizeEqual: return {"size"};
    case Kind::SizeAlmostEqual: return {"size", "delta", "places"};
    case Kind::SizeZero: return {};
    case Kind::Encoding: return {"encoding"};
    case Kind::LineEndings: break;
    }
    return {"style"};
}

Status FileAssertion::validate(const Table &, const AssertionParams &params) const
{
    switch (m_kind) {
    case Kind::Exists:
    case Kind::SizeZero:
        return Status::ok();
    case Kind::NameEqual:
        return params.string("name").status();
    case Kind::NameMatches: {
        Result<std::string> pattern = params.string("pattern");
        if (!pattern.isOk())
            return pattern.status();
        Result<Pattern> compiled = Pattern::compile(pattern.value(), PatternMode::FullMatch);
        return compiled.isOk() ? Status::ok() : Status::invalidInput("parameter 'pattern': " + compiled.message());
    }
    case Kind::TypeEqual:
        return params.string("extension").status();
    case Kind::SizeBetween:
        return FileSizeChecks::validateBetween(params);
    case Kind::SizeEqual:
        return FileSizeChecks::validateEqual(params);
    case Kind::SizeAlmostEqual:
        return FileSizeChecks::validateAlmostEqual(params);
    case Kind::Encoding: {
        Result<std::string> encoding = params.string("encoding");
        if (!encoding.isOk())
            return encoding.status();
        if (encoding.value() != "utf-8" && encoding.value() != "ascii")
            return Status::invalidInput("parameter 'encoding': expected \"utf-8\" or \"ascii\", got '" + encoding.value() + "'");
        return Status::ok();
    }
    case Kind::LineEndings: {
        Result<std::string> style = params.string("style");
        if (!style.isOk())
            return style.status();
        if (style.value() != "lf" && style.value() != "crlf")
            return Status::invalidInput("parameter 'style': expected \"lf\" or \"crlf\", got '" + style.value() + "'");
        return Status::ok();
    }
    }
    return Status::ok();
}

AssertionOutcome FileAssertion::existence(const std::string &path) const
{
    std::error_code error;
    const bool exists = !path.empty() && fs::is_regular_file(path, error);
    if (exists)
        return negated() ? AssertionOutcome::tableFailure("file " + path + " exists") : AssertionOutcome::tablePass(path + " exists");
    const std::string absent = path.empty() ? "the table did not come from a file, so there is no file to check"
                                            : "file " + path + " does not exist (or is not a regular file)";
    return negated() ? AssertionOutcome::tablePass(absent) : AssertionOutcome::tableFailure(absent);
}

AssertionOutcome FileAssertion::evaluate(const Table &table, const AssertionParams &params,
                                         const CancellationToken *cancel) const
{
    if (Status s = validate(table, params); !s.isOk())
        return AssertionOutcome::tableFailure(s.message());
    const std::string &path = params.environment().dataPath;
    if (m_kind == Kind::Exists)
        return existence(path);
    if (path.empty())
        return AssertionOutcome::tableFailure("the table did not come from a file, so there is no file to check");
    std::error_code error;
    if (!fs::is_regular_file(path, error))
        return AssertionOutcome::tableFailure("file " + path + " does not exist (or is not a regular file)");
    const FileFinding finding = find(path, params, cancel);
    if (!finding.error.empty())
        return AssertionOutcome::tableFailure(finding.error, finding.observed);
    if (finding.holds != negated())
        return AssertionOutcome::tablePass(finding.observed);
    return AssertionOutcome::tableFailure(negated() ? finding.why : finding.whyNot, finding.observed);
}

FileFinding FileAssertion::find(const std::string &path, const AssertionParams &params,
                                const CancellationToken *cancel) const
{
    const std::string fileName = fs::path(path).filename().string();
    FileFinding finding;
    switch (m_kind) {
    case Kind::Exists: // evaluate() answers it through existence(); a file reached here exists
        finding.holds = true;
        finding.observed = path + " exists";
        return finding;
    case Kind::Encoding:
    case Kind::LineEndings:
        return examineContent(path, params, cancel);
    case Kind::NameEqual: {
        const std::string wanted = params.string("name").value();
        finding.observed = "name = " + fileName;
        finding.holds = fileName == wanted;
        finding.whyNot = "the file's name " + fileName + " is not " + wanted;
        finding.why = "the file's name is " + wanted;
        return finding;
    }
    case Kind::NameMatches: {
        Pattern pattern = Pattern::compile(params.string("pattern").value(), PatternMode::FullMatch).takeValue();
        finding.observed = "name = " + fileName;
        finding.holds = pattern.matches(fileName);
        finding.whyNot = "the file's name " + fileName + " does not match " + pattern.source();
        finding.why = "the file's name " + fileName + " matches " + pattern.source();
        return finding;
    }
    case Kind::TypeEqual: {
        std::string wanted = params.string("extension").value();
        if (!wanted.empty() && wanted.front() != '.')
            wanted = "." + wanted;
        const std::string actual = fs::path(path).extension().string();
        finding.observed = "extension = " + actual;
        finding.holds = actual == wanted;
        finding.whyNot = "the file's extension '" + actual + "' is not '" + wanted + "'";
        finding.why = "the file's extension is '" + wanted + "'";
        return finding;
    }
    case Kind::SizeBetween:
    case Kind::SizeEqual:
    case Kind::SizeAlmostEqual:
    case Kind::SizeZero:
        break;
    }
    std::error_code error;
    const std::uintmax_t bytes = fs::file_size(path, error);
    if (error) {
        finding.error = "cannot read the size of " + path + ": " + error.message();
        return finding;
    }
    const auto size = static_cast<std::int64_t>(bytes);
    if (m_kind == Kind::SizeBetween)
        return FileSizeChecks::between(size, params);
    if (m_kind == Kind::SizeEqual)
        return FileSizeChecks::equal(size, params);
    if (m_kind == Kind::SizeAlmostEqual)
        return FileSizeChecks::almostEqual(size, params);
    return FileSizeChecks::zero(size);
}

FileFinding FileAssertion::examineContent(const std::string &path, const AssertionParams &params,
                                          const CancellationToken *cancel) const
{
    FileFinding finding;
    if (m_kind == Kind::Encoding) {
        EncodingScan state;
        state.ascii = params.string("encoding").value() == "ascii";
        if (!readChunks(path, [&](std::string_view chunk, std::uint64_t offset) { return scanEncoding(state, chunk, offset); }, cancel)) {
            finding.error = "cannot read " + path;
            return finding;
        }
        if (!state.bad && !state.carry.empty() && (state.ascii || !Utf8::isValid(state.carry))) {
            // the file ends inside a multi-byte sequence (or, for ascii, with a non-ASCII one)
            state.bad = true;
            state.badOffset = std::filesystem::file_size(path) - state.carry.size();
        }
        const std::string encoding = params.string("encoding").value();
        finding.holds = !state.bad;
        finding.observed = state.bad ? "first invalid byte at offset " + std::to_string(state.badOffset) : "valid " + encoding;
        finding.whyNot = "the file is not valid " + encoding + ": line " + std::to_string(state.line) + ", byte offset "
                         + std::to_string(state.badOffset);
        finding.why = "the file is valid " + encoding + " (every byte)";
        return finding;
    }
    const bool wantCrlf = params.string("style").value() == "crlf";
    std::uint64_t line = 1;
    std::uint64_t wrong = 0;
    std::uint64_t firstWrong = 0;
    char previous = '\0';
    if (!readChunks(path,
                    [&](std::string_view chunk, std::uint64_t) {
                        for (const char c : chunk) {
                            if (c == '\n') {
                                if ((previous == '\r') != wantCrlf && wrong++ == 0)
                                    firstWrong = line;
                                ++line;
                            }
                            previous = c;
                        }
                        return true;
                    },
                    cancel)) {
        finding.error = "cannot read " + path;
        return finding;
    }
    const std::string style = wantCrlf ? "CRLF" : "LF";
    finding.observed = std::to_string(wrong) + " of " + std::to_string(line - 1) + " lines not " + style;
    finding.holds = wrong == 0;
    finding.whyNot = std::to_string(wrong) + " lines do not end in " + style + " (the first is line "
                     + std::to_string(firstWrong) + ")";
    return finding;
}

} // namespace loupe
