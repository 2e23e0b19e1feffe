#pragma once
// A std::streambuf that writes to a POSIX file descriptor through a 64 KiB buffer, so the writers
// that stream (CsvWriter) can write to a file OutputFile opened itself. It does not own the
// descriptor. The first failed write(2) is kept (its errno); later output is dropped.

#include <array>
#include <streambuf>

namespace loupe {

class FileDescriptorBuffer : public std::streambuf {
public:
    explicit FileDescriptorBuffer(int fd);
    FileDescriptorBuffer(const FileDescriptorBuffer &) = delete;
    FileDescriptorBuffer &operator=(const FileDescriptorBuffer &) = delete;

    // 0 while every write succeeded; else the errno of the first failure.
    int error() const { return m_error; }

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char *data, std::streamsize size) override;
    int sync() override;

private:
    bool flushBuffer();
    bool writeAll(const char *data, std::size_t size);

    int m_fd;
    int m_error = 0;
    std::array<char, 1 << 16> m_buffer;
};

} // namespace loupe
