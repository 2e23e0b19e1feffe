#pragma once
// A read-only memory map of a whole regular file (RAII; movable, not copyable).

#include "core/util/Status.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace loupe {

class MappedFile {
public:
    // IoError naming the path when the file cannot be opened, is a directory or not a regular file,
    // or cannot be mapped. An empty file opens fine and has an empty view().
    static Result<MappedFile> open(const std::string &path);

    MappedFile(MappedFile &&other) noexcept;
    MappedFile &operator=(MappedFile &&other) noexcept;
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;
    ~MappedFile();

    std::string_view view() const { return {m_data, m_size}; }

private:
    MappedFile() = default;
    void unmap();

    const char *m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace loupe
