#include "core/util/OutputPlan.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace loupe {

namespace {

// Where a path points: the file itself when it exists, else its directory and name.
struct OutputIdentity {
    bool exists = false;
    dev_t device = 0;
    ino_t inode = 0;
    std::string name; // only when !exists
};

bool sameOutputIdentity(const OutputIdentity &a, const OutputIdentity &b)
{
    return a.exists == b.exists && a.device == b.device && a.inode == b.inode && a.name == b.name;
}

std::string directoryOfOutput(const std::string &path)
{
    const std::size_t slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? std::string("/") : path.substr(0, slash);
}

std::optional<OutputIdentity> identityOfOutput(const std::string &path)
{
    struct stat info {};
    OutputIdentity identity;
    if (::stat(path.c_str(), &info) == 0) {
        identity.exists = true;
    } else {
        if (::stat(directoryOfOutput(path).c_str(), &info) != 0)
            return std::nullopt;
        identity.name = path.substr(path.find_last_of('/') + 1);
    }
    identity.device = info.st_dev;
    identity.inode = info.st_ino;
    return identity;
}

const char *specialFileKind(mode_t mode)
{
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISFIFO(mode))
        return "a FIFO (named pipe)";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a regular file";
}

Status outputRefused(const OutputTarget &target, const std::string &why)
{
    return Status::invalidInput(target.label() + ": " + why);
}

Status checkOutputDirectory(const OutputTarget &target, const std::string &directory)
{
    struct stat info {};
    if (::stat(directory.c_str(), &info) != 0)
        return outputRefused(target, "the directory " + directory + " does not exist");
    if (!S_ISDIR(info.st_mode))
        return outputRefused(target, directory + " is not a directory");
    if (::access(directory.c_str(), W_OK | X_OK) != 0)
        return outputRefused(target, "the directory " + directory + " is not writable");
    return Status::ok();
}

} // namespace

void OutputPlan::addInput(std::string path)
{
    m_inputs.push_back(std::move(path));
}

void OutputPlan::addOutput(OutputTarget target)
{
    m_outputs.push_back(std::move(target));
}

Status OutputPlan::checkTarget(const OutputTarget &target)
{
    const std::string &path = target.path;
    if (path.empty())
        return Status::invalidInput((target.parameter.empty() ? std::string("output") : target.parameter)
                                    + ": the output path is empty; give a file name");
    if (path == "-") {
        if (target.stream == StreamUse::Allowed)
            return Status::ok();
        return outputRefused(target, "standard output is not accepted for this output; give a file path");
    }
    if (path.back() == '/')
        return outputRefused(target, "names a directory; give a file name");
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) {
        if (errno != ENOENT)
            return outputRefused(target, std::string("cannot be examined: ") + std::strerror(errno));
        return checkOutputDirectory(target, directoryOfOutput(path));
    }
    if (S_ISLNK(info.st_mode) && ::stat(path.c_str(), &info) != 0)
        return outputRefused(target, "is a symbolic link to a missing file; give a regular file path");
    if (S_ISDIR(info.st_mode))
        return outputRefused(target, "is a directory; give a file name");
    if (!S_ISREG(info.st_mode)) {
        std::string why = std::string("is ") + specialFileKind(info.st_mode)
            + ", not a regular file; outputs are written as regular files only";
        if (target.stream == StreamUse::Allowed)
            why += " (give - to write to standard output)";
        return outputRefused(target, why);
    }
    char *resolved = ::realpath(path.c_str(), nullptr);
    const std::string real = resolved ? std::string(resolved) : path;
    std::free(resolved);
    return checkOutputDirectory(target, directoryOfOutput(real));
}

Status OutputPlan::check() const
{
    std::vector<std::optional<OutputIdentity>> outputs;
    for (const OutputTarget &target : m_outputs) {
        if (Status alone = checkTarget(target); !alone.isOk())
            return alone;
        outputs.push_back(target.isStandardOutput() ? std::nullopt : identityOfOutput(target.path));
    }
    for (std::size_t o = 0; o < m_outputs.size(); ++o) {
        const OutputTarget &target = m_outputs[o];
        for (std::size_t earlier = 0; earlier < o; ++earlier) {
            const OutputTarget &other = m_outputs[earlier];
            if (target.isStandardOutput() && other.isStandardOutput())
                return outputRefused(target, "standard output is already taken by " + other.parameter
                                                 + "; give one of them a file path");
            if (outputs[o] && outputs[earlier] && sameOutputIdentity(*outputs[o], *outputs[earlier]))
                return outputRefused(target, "is the same file as " + other.label()
                                                 + "; give each output its own path");
        }
        if (!outputs[o] || !outputs[o]->exists)
            continue;
        for (const std::string &input : m_inputs) {
            const std::optional<OutputIdentity> read = input.empty() ? std::nullopt : identityOfOutput(input);
            if (read && read->exists && sameOutputIdentity(*read, *outputs[o]))
                return outputRefused(target, "is the same file as the input " + input
                                                 + "; choose another output path");
        }
    }
    return Status::ok();
}

} // namespace loupe
