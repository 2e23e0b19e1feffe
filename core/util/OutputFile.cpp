#include "core/util/OutputFile.h"

#include "core/util/OutputPlan.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace loupe {

namespace {

constexpr int kTemporaryAttempts = 100;
constexpr std::size_t kTemporaryNameBytes = 200; // leaves room for ".", ".XXXXXX" under NAME_MAX (255)

std::string errnoText(int error)
{
    return std::strerror(error);
}

// The path with symbolic links followed when it exists, so the link's target is replaced, not the link.
std::string resolvedDestination(const std::string &path)
{
    char *resolved = ::realpath(path.c_str(), nullptr);
    if (!resolved)
        return path;
    std::string result(resolved);
    std::free(resolved);
    return result;
}

std::string randomSuffix()
{
    static constexpr char s_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    std::random_device device;
    std::uint64_t bits = (std::uint64_t(device()) << 32) ^ device() ^ std::uint64_t(::getpid());
    std::string suffix(6, 'X');
    for (char &c : suffix) {
        c = s_alphabet[bits % (sizeof s_alphabet - 1)];
        bits /= sizeof s_alphabet - 1;
    }
    return suffix;
}

std::string outputFileDirectory(const std::string &path)
{
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? std::string(".") : slash == 0 ? std::string("/") : path.substr(0, slash);
}

void syncDirectory(const std::string &directory)
{
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::fsync(fd); // best effort: some file systems refuse to sync a directory; the rename has happened
    ::close(fd);
}

} // namespace

OutputFile::OutputFile(OutputTarget target) : m_target(std::move(target)) {}

OutputFile::~OutputFile()
{
    discard();
}

Status OutputFile::fail(const std::string &why)
{
    discard();
    return Status::ioError(m_target.label() + ": " + why);
}

Status OutputFile::open()
{
    discard();
    if (Status target = OutputPlan::checkTarget(m_target); !target.isOk())
        return target;
    if (m_target.isStandardOutput())
        return Status::ok();
    m_destination = resolvedDestination(m_target.path);
    const std::string directory = outputFileDirectory(m_destination);
    const std::string name = m_destination.substr(m_destination.find_last_of('/') + 1);
    if (Status created = createTemporary(directory, name); !created.isOk())
        return created;
    if (Status matched = matchReplacedFile(m_destination); !matched.isOk())
        return matched;
    m_buffer = std::make_unique<FileDescriptorBuffer>(m_fd);
    m_stream = std::make_unique<std::ostream>(m_buffer.get());
    return Status::ok();
}

Status OutputFile::createTemporary(const std::string &directory, const std::string &name)
{
    const mode_t mode = m_target.access == FileAccess::OwnerOnly ? 0600 : 0666;
    const std::string prefix = (directory == "/" ? std::string() : directory) + "/."
        + name.substr(0, kTemporaryNameBytes) + ".";
    for (int attempt = 0; attempt < kTemporaryAttempts; ++attempt) {
        const std::string candidate = prefix + randomSuffix();
        m_fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (m_fd >= 0) {
            m_temporary = candidate;
            return Status::ok();
        }
        if (errno != EEXIST)
            return fail("cannot create a temporary file in " + directory + ": " + errnoText(errno));
    }
    return fail("cannot create a temporary file in " + directory + ": every name tried exists");
}

// A replaced file keeps its permission bits (not set-user/group-ID) and, where the system allows, its owner.
Status OutputFile::matchReplacedFile(const std::string &destination)
{
    struct stat info {};
    if (::stat(destination.c_str(), &info) != 0 || !S_ISREG(info.st_mode))
        return Status::ok();
    if (info.st_uid != ::geteuid() || info.st_gid != ::getegid())
        (void)::fchown(m_fd, info.st_uid, info.st_gid); // only root may give a file away; otherwise ours
    if (::fchmod(m_fd, info.st_mode & 0777) != 0)
        return fail("cannot give the new file the mode of the one it replaces: " + errnoText(errno));
    return Status::ok();
}

std::ostream &OutputFile::stream()
{
    if (m_target.isStandardOutput())
        return m_target.standardOutput ? *m_target.standardOutput : std::cout;
    return *m_stream;
}

Status OutputFile::commit()
{
    if (m_target.isStandardOutput()) {
        std::ostream &out = stream();
        out.flush();
        if (!out)
            return Status::ioError(m_target.label() + ": writing to standard output failed");
        return Status::ok();
    }
    if (m_fd < 0)
        return Status::ioError(m_target.label() + ": the file was not opened for writing");
    m_stream->flush();
    if (m_buffer->error() != 0)
        return fail("write failed: " + errnoText(m_buffer->error()));
    if (!*m_stream)
        return fail("write failed");
    if (::fsync(m_fd) != 0)
        return fail("cannot be synced to disk: " + errnoText(errno));
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0)
        return fail("closing failed: " + errnoText(errno));
    // The target may have changed since open(): never rename over a directory, device or FIFO.
    if (Status target = OutputPlan::checkTarget(m_target); !target.isOk()) {
        discard();
        return target;
    }
    if (::rename(m_temporary.c_str(), m_destination.c_str()) != 0)
        return fail("cannot move " + m_temporary + " into place: " + errnoText(errno));
    m_temporary.clear();
    syncDirectory(outputFileDirectory(m_destination));
    return Status::ok();
}

void OutputFile::discard()
{
    m_stream.reset();
    m_buffer.reset();
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_temporary.empty()) {
        ::unlink(m_temporary.c_str());
        m_temporary.clear();
    }
}

Status OutputFile::write(const OutputTarget &target, std::string_view bytes)
{
    OutputFile file(target);
    if (Status opened = file.open(); !opened.isOk())
        return opened;
    file.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return file.commit();
}

} // namespace loupe
