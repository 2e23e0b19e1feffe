#include "core/util/FileDescriptorBuffer.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace loupe {

FileDescriptorBuffer::FileDescriptorBuffer(int fd) : m_fd(fd)
{
    setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
}

bool FileDescriptorBuffer::writeAll(const char *data, std::size_t size)
{
    while (size > 0 && m_error == 0) {
        const ssize_t written = ::write(m_fd, data, size);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            m_error = errno;
            break;
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return m_error == 0;
}

bool FileDescriptorBuffer::flushBuffer()
{
    const auto size = static_cast<std::size_t>(pptr() - pbase());
    const bool written = writeAll(pbase(), size);
    setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
    return written;
}

FileDescriptorBuffer::int_type FileDescriptorBuffer::overflow(int_type c)
{
    if (!flushBuffer())
        return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
    }
    return traits_type::not_eof(c);
}

std::streamsize FileDescriptorBuffer::xsputn(const char *data, std::streamsize size)
{
    const auto room = static_cast<std::streamsize>(epptr() - pptr());
    if (size <= room) {
        std::memcpy(pptr(), data, static_cast<std::size_t>(size));
        pbump(static_cast<int>(size));
        return size;
    }
    // Larger than what is left: flush what is buffered, then write the block directly.
    if (!flushBuffer() || !writeAll(data, static_cast<std::size_t>(size)))
        return 0;
    return size;
}

int FileDescriptorBuffer::sync()
{
    return flushBuffer() ? 0 : -1;
}

} // namespace loupe
