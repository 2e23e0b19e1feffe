#include "core/data/MappedFile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace loupe {

namespace {

// Closes a file descriptor on scope exit.
class FdCloser {
public:
    explicit FdCloser(int fd) : m_fd(fd) {}
    ~FdCloser() { ::close(m_fd); }
    FdCloser(const FdCloser &) = delete;
    FdCloser &operator=(const FdCloser &) = delete;

private:
    int m_fd;
};

} // namespace

Result<MappedFile> MappedFile::open(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Status::ioError("cannot open '" + path + "': " + std::strerror(errno));
    FdCloser closer(fd);
    struct stat info {};
    if (::fstat(fd, &info) != 0)
        return Status::ioError("cannot read '" + path + "': " + std::strerror(errno));
    if (S_ISDIR(info.st_mode))
        return Status::ioError("cannot read '" + path + "': it is a directory");
    if (!S_ISREG(info.st_mode))
        return Status::ioError("cannot read '" + path + "': not a regular file");
    MappedFile file;
    file.m_size = static_cast<std::size_t>(info.st_size);
    if (file.m_size == 0)
        return file;
    void *data = ::mmap(nullptr, file.m_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (data == MAP_FAILED) {
        file.m_size = 0;
        return Status::ioError("cannot map '" + path + "': " + std::strerror(errno));
    }
    ::madvise(data, file.m_size, MADV_WILLNEED);
    file.m_data = static_cast<const char *>(data);
    return file;
}

MappedFile::MappedFile(MappedFile &&other) noexcept : m_data(other.m_data), m_size(other.m_size)
{
    other.m_data = nullptr;
    other.m_size = 0;
}

MappedFile &MappedFile::operator=(MappedFile &&other) noexcept
{
    if (this != &other) {
        unmap();
        m_data = other.m_data;
        m_size = other.m_size;
        other.m_data = nullptr;
        other.m_size = 0;
    }
    return *this;
}

MappedFile::~MappedFile()
{
    unmap();
}

void MappedFile::unmap()
{
    if (m_data)
        ::munmap(const_cast<char *>(m_data), m_size);
    m_data = nullptr;
    m_size = 0;
}

} // namespace loupe
