#pragma once
// Helpers shared by the libFuzzer targets in this folder (each target is one fuzz_<name>.cpp; see
// CMakeLists.txt and scripts/fuzz.sh). A broken property aborts with a message, which libFuzzer reports as a
// crash and keeps the input for.

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unistd.h>

namespace loupe::fuzz {

[[noreturn]] inline void fail(const char *target, const std::string &what, const std::string &detail)
{
    std::fprintf(stderr, "%s: %s: %s\n", target, what.c_str(), detail.c_str());
    std::abort();
}

inline std::string_view asText(const std::uint8_t *data, std::size_t size)
{
    return {reinterpret_cast<const char *>(data), size};
}

inline bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

// Whether message starts with "SOURCE:LINE:COLUMN: " (LINE and COLUMN positive decimal numbers).
inline bool startsWithLocation(std::string_view message, std::string_view source)
{
    if (!startsWith(message, source) || message.substr(source.size(), 1) != ":")
        return false;
    std::size_t at = source.size() + 1;
    for (int field = 0; field < 2; ++field) {
        const std::size_t begin = at;
        while (at < message.size() && std::isdigit(static_cast<unsigned char>(message[at])))
            ++at;
        if (at == begin || message[begin] == '0' || at >= message.size() || message[at] != ':')
            return false;
        ++at;
    }
    return message.substr(at, 1) == " ";
}

// The parsers of binary files (IDX, weights) read from a path: the input goes into one file per process
// (in /dev/shm when there is one), rewritten for every input and removed at exit.
inline const std::string &writeInputFile(const void *bytes, std::size_t size)
{
    static const std::string path = [] {
        const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        std::string name = std::string(dir) + "/loupe-fuzz-" + std::to_string(getpid()) + ".bin";
        static std::string removeAtExit;
        removeAtExit = name;
        std::atexit([] { std::remove(removeAtExit.c_str()); });
        return name;
    }();
    std::FILE *file = std::fopen(path.c_str(), "wb");
    if (!file || std::fwrite(bytes, 1, size, file) != size || std::fclose(file) != 0)
        fail("fuzz", "cannot write the input file", path);
    return path;
}

} // namespace loupe::fuzz
