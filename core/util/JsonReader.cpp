#include "core/util/JsonReader.h"

#include "core/util/JsonGuardScan.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace loupe {

namespace {

constexpr std::size_t kMaxPathInMessage = 160;

std::string sourceName(std::string_view source)
{
    return source.empty() ? std::string("JSON") : std::string(source);
}

std::string lineColumn(std::string_view text, std::size_t offset)
{
    std::size_t line = 1, column = 1;
    const std::size_t end = offset < text.size() ? offset : text.size();
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

std::string shortPath(std::string path)
{
    if (path.size() <= kMaxPathInMessage)
        return path;
    // Keep the innermost members, cut at a member boundary.
    std::size_t cut = path.find_first_of("[.", path.size() - kMaxPathInMessage);
    if (cut == std::string::npos)
        cut = path.size() - kMaxPathInMessage;
    return "…" + path.substr(path[cut] == '.' ? cut + 1 : cut);
}

Status locatedError(std::string_view text, std::string_view source, std::size_t offset, const std::string &what)
{
    return Status::invalidInput(sourceName(source) + ":" + lineColumn(text, offset) + ": " + what + " (at "
                                + shortPath(JsonGuardScan::pathAt(text, offset)) + ")");
}

// The part of the library's message after "parse error at line L, column C: ".
std::string syntaxDetail(const std::string &what)
{
    const std::size_t column = what.find("column ");
    const std::size_t colon = column == std::string::npos ? std::string::npos : what.find(": ", column);
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

std::string sizeText(std::size_t bytes)
{
    if (bytes >= (std::size_t(1) << 20) && bytes % (std::size_t(1) << 20) == 0)
        return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes) + " bytes";
}

template <typename Json>
Result<Json> parseGuarded(std::string_view text, std::string_view source, JsonLimits limits)
{
    if (text.size() > limits.maxBytes)
        return Status::invalidInput(sourceName(source) + ": " + std::to_string(text.size()) + " bytes, above the "
                                    + sizeText(limits.maxBytes) + " a JSON document may have");
    // The JSON library stops reading at a NUL byte: "{...}\0anything" read as the part before it.
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos)
        return locatedError(text, source, nul, "a NUL byte, which JSON text cannot hold");
    const JsonGuardScan::Outcome guard = JsonGuardScan::scan(text, limits.maxDepth);
    switch (guard.finding) {
    case JsonGuardScan::Finding::TooDeep:
        return Status::invalidInput(sourceName(source) + ":" + lineColumn(text, guard.offset) + ": nested deeper than "
                                    + std::to_string(limits.maxDepth) + " arrays or objects (at "
                                    + shortPath(guard.path) + ")");
    case JsonGuardScan::Finding::NumberOutOfRange:
        return Status::invalidInput(sourceName(source) + ":" + lineColumn(text, guard.offset) + ": the number "
                                    + guard.token + " is outside the range of a double (at " + shortPath(guard.path)
                                    + ")");
    case JsonGuardScan::Finding::None:
        break;
    }
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error &error) {
        const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
        return locatedError(text, source, offset, "not valid JSON (" + syntaxDetail(error.what()) + ")");
    } catch (const nlohmann::json::exception &error) {
        // The guard scan leaves nothing for this to catch that it knows of; keep the promise anyway.
        return Status::invalidInput(sourceName(source) + ": not valid JSON (" + error.what() + ")");
    } catch (const std::bad_alloc &) {
        return Status::invalidInput(sourceName(source) + ": not enough memory to read this JSON document");
    }
}

template <typename Json>
Result<Json> parseGuardedFile(const std::string &path, JsonLimits limits)
{
    Result<std::string> text = JsonReader::readFile(path, limits.maxBytes);
    if (!text.isOk())
        return text.status();
    return parseGuarded<Json>(text.value(), path, limits);
}

} // namespace

Result<nlohmann::json> JsonReader::parse(std::string_view text, std::string_view source, JsonLimits limits)
{
    return parseGuarded<nlohmann::json>(text, source, limits);
}

Result<nlohmann::ordered_json> JsonReader::parseOrdered(std::string_view text, std::string_view source,
                                                        JsonLimits limits)
{
    return parseGuarded<nlohmann::ordered_json>(text, source, limits);
}

Result<nlohmann::json> JsonReader::parseFile(const std::string &path, JsonLimits limits)
{
    return parseGuardedFile<nlohmann::json>(path, limits);
}

Result<nlohmann::ordered_json> JsonReader::parseOrderedFile(const std::string &path, JsonLimits limits)
{
    return parseGuardedFile<nlohmann::ordered_json>(path, limits);
}

nlohmann::json JsonReader::parseOrNull(std::string_view text)
{
    Result<nlohmann::json> parsed = parse(text, "stored JSON");
    return parsed.isOk() ? parsed.takeValue() : nlohmann::json();
}

nlohmann::ordered_json JsonReader::parseOrderedOrNull(std::string_view text)
{
    Result<nlohmann::ordered_json> parsed = parseOrdered(text, "stored JSON");
    return parsed.isOk() ? parsed.takeValue() : nlohmann::ordered_json();
}

Result<std::string> JsonReader::readFile(const std::string &path, std::size_t maxBytes)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        return Status::ioError(path + ": cannot open the file (it does not exist or is not readable)");
    if (S_ISDIR(info.st_mode))
        return Status::invalidInput(path + ": is a directory, not a JSON file");
    if (S_ISREG(info.st_mode) && static_cast<std::size_t>(info.st_size) > maxBytes)
        return Status::invalidInput(path + ": " + std::to_string(info.st_size) + " bytes, above the "
                                    + sizeText(maxBytes) + " a JSON document may have");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Status::ioError(path + ": cannot open the file");
    // Read in bounded pieces: a FIFO or device has no size to check up front.
    std::string text;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > maxBytes)
            return Status::invalidInput(path + ": more than " + sizeText(maxBytes) + ", the most a JSON document may have");
    }
    if (in.bad())
        return Status::ioError(path + ": read error");
    return text;
}

} // namespace loupe
