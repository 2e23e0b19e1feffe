#include "core/checks/assertions/FileAssertion.h"

#include "core/checks/Pattern.h"
#include "core/data/Utf8.h"

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

std::string_view FileAssertion::name() const
{
    switch (m_kind) {
    case Kind::Exists: return "file_exists";
    case Kind::NameEqual: return "file_name_equal";
    case Kind::NameMatches: return "file_name_matches";
    case Kind::TypeEqual: return "file_type_equal";
    case Kind::SizeBetween: return "file_size_between";
    case Kind::Encoding: return "file_encoding";
    case Kind::LineEndings: break;
    }
    return "file_line_endings";
}

std::string_view FileAssertion::summary() const
{
    switch (m_kind) {
    case Kind::Exists: return "the data file exists";
    case Kind::NameEqual: return "the data file has this name";
    case Kind::NameMatches: return "the data file's name matches the pattern";
    case Kind::TypeEqual: return "the data file has this extension";
    case Kind::SizeBetween: return "the data file's size lies between min and max bytes";
    case Kind::Encoding: return "the data file's content is valid in the encoding";
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
    case Kind::Encoding: return {"encoding"};
    case Kind::LineEndings: break;
    }
    return {"style"};
}

Status FileAssertion::validate(const Table &, const AssertionParams &params) const
{
    switch (m_kind) {
    case Kind::Exists:
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
        if (!params.has("min") && !params.has("max"))
            return Status::invalidInput("parameter 'min' or 'max' is required");
        for (const char *key : {"min", "max"}) {
            if (params.has(key)) {
                Result<std::int64_t> bytes = params.integer(key);
                if (!bytes.isOk())
                    return bytes.status();
                if (bytes.value() < 0)
                    return Status::invalidInput("parameter '" + std::string(key) + "': a size cannot be negative");
            }
        }
        return Status::ok();
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

AssertionOutcome FileAssertion::evaluate(const Table &table, const AssertionParams &params,
                                         const CancellationToken *cancel) const
{
    if (Status s = validate(table, params); !s.isOk())
        return AssertionOutcome::tableFailure(s.message());
    const std::string &path = params.environment().dataPath;
    if (path.empty())
        return AssertionOutcome::tableFailure("the table did not come from a file, so there is no file to check");
    std::error_code error;
    const bool exists = fs::is_regular_file(path, error);
    if (!exists)
        return AssertionOutcome::tableFailure("file " + path + " does not exist (or is not a regular file)");
    const std::string fileName = fs::path(path).filename().string();
    switch (m_kind) {
    case Kind::Exists:
        return AssertionOutcome::tablePass(path + " exists");
    case Kind::NameEqual: {
        const std::string wanted = params.string("name").value();
        if (fileName == wanted)
            return AssertionOutcome::tablePass("name = " + fileName);
        return AssertionOutcome::tableFailure("the file's name " + fileName + " is not " + wanted, "name = " + fileName);
    }
    case Kind::NameMatches: {
        Pattern pattern = Pattern::compile(params.string("pattern").value(), PatternMode::FullMatch).takeValue();
        if (pattern.matches(fileName))
            return AssertionOutcome::tablePass("name = " + fileName);
        return AssertionOutcome::tableFailure("the file's name " + fileName + " does not match " + pattern.source(),
                                              "name = " + fileName);
    }
    case Kind::TypeEqual: {
        std::string wanted = params.string("extension").value();
        if (!wanted.empty() && wanted.front() != '.')
            wanted = "." + wanted;
        const std::string actual = fs::path(path).extension().string();
        if (actual == wanted)
            return AssertionOutcome::tablePass("extension = " + actual);
        return AssertionOutcome::tableFailure("the file's extension '" + actual + "' is not '" + wanted + "'",
                                              "extension = " + actual);
    }
    case Kind::SizeBetween: {
        const auto size = static_cast<std::int64_t>(fs::file_size(path, error));
        const std::string observed = "size = " + std::to_string(size) + " bytes";
        if (params.has("min") && size < params.integer("min").value())
            return AssertionOutcome::tableFailure("the file has " + std::to_string(size) + " bytes, fewer than min "
                                                      + std::to_string(params.integer("min").value()),
                                                  observed);
        if (params.has("max") && size > params.integer("max").value())
            return AssertionOutcome::tableFailure("the file has " + std::to_string(size) + " bytes, more than max "
                                                      + std::to_string(params.integer("max").value()),
                                                  observed);
        return AssertionOutcome::tablePass(observed);
    }
    case Kind::Encoding:
    case Kind::LineEndings:
        break;
    }
    return examineContent(path, params, cancel);
}

AssertionOutcome FileAssertion::examineContent(const std::string &path, const AssertionParams &params,
                                               const CancellationToken *cancel) const
{
    if (m_kind == Kind::Encoding) {
        EncodingScan state;
        state.ascii = params.string("encoding").value() == "ascii";
        if (!readChunks(path, [&](std::string_view chunk, std::uint64_t offset) { return scanEncoding(state, chunk, offset); }, cancel))
            return AssertionOutcome::tableFailure("cannot read " + path);
        if (!state.bad && !state.carry.empty() && (state.ascii || !Utf8::isValid(state.carry))) {
            // the file ends inside a multi-byte sequence (or, for ascii, with a non-ASCII one)
            state.bad = true;
            state.badOffset = std::filesystem::file_size(path) - state.carry.size();
        }
        const std::string encoding = params.string("encoding").value();
        if (!state.bad)
            return AssertionOutcome::tablePass("valid " + encoding);
        return AssertionOutcome::tableFailure("the file is not valid " + encoding + ": line " + std::to_string(state.line)
                                                  + ", byte offset " + std::to_string(state.badOffset),
                                              "first invalid byte at offset " + std::to_string(state.badOffset));
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
                    cancel))
        return AssertionOutcome::tableFailure("cannot read " + path);
    const std::string style = wantCrlf ? "CRLF" : "LF";
    const std::string observed = std::to_string(wrong) + " of " + std::to_string(line - 1) + " lines not " + style;
    if (wrong == 0)
        return AssertionOutcome::tablePass(observed);
    return AssertionOutcome::tableFailure(std::to_string(wrong) + " lines do not end in " + style + " (the first is line "
                                              + std::to_string(firstWrong) + ")",
                                          observed);
}

} // namespace loupe
