#include "core/data/IdxReader.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

namespace loupe {

namespace {

constexpr std::uint8_t kUnsignedByteType = 0x08;
constexpr std::size_t kMaxDimensions = 4;
constexpr std::size_t kReadChunk = 4u << 20; // grow the payload in 4 MiB steps

struct GzCloser {
    void operator()(gzFile_s *file) const { gzclose(file); }
};
using GzHandle = std::unique_ptr<gzFile_s, GzCloser>;

std::string hex32(std::uint32_t value)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08X", value);
    return buf;
}

std::string hex8(std::uint8_t value)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", unsigned(value));
    return buf;
}

std::uint32_t bigEndian32(const unsigned char *bytes)
{
    return (std::uint32_t(bytes[0]) << 24) | (std::uint32_t(bytes[1]) << 16) | (std::uint32_t(bytes[2]) << 8)
        | std::uint32_t(bytes[3]);
}

std::string shapeText(const std::vector<std::uint32_t> &shape)
{
    std::string text;
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i)
            text += 'x';
        text += std::to_string(shape[i]);
    }
    return text;
}

// Reads up to `count` bytes; returns how many arrived, or -1 with `error` set when zlib fails.
long long readSome(gzFile file, unsigned char *out, std::size_t count, std::string &error)
{
    std::size_t total = 0;
    while (total < count) {
        const std::size_t want = std::min<std::size_t>(count - total, 1u << 30);
        const int got = gzread(file, out + total, static_cast<unsigned>(want));
        if (got < 0) {
            int code = 0;
            const char *message = gzerror(file, &code);
            error = message ? message : "zlib read error";
            return -1;
        }
        if (got == 0)
            break;
        total += static_cast<std::size_t>(got);
    }
    // A truncated gzip stream ends "cleanly" from gzread's view but leaves an error behind.
    int code = Z_OK;
    const char *message = gzerror(file, &code);
    if (code != Z_OK && code != Z_STREAM_END) {
        error = message ? message : "zlib read error";
        return -1;
    }
    return static_cast<long long>(total);
}

Status corrupt(const std::string &path, const std::string &what)
{
    return Status::invalidInput(path + ": " + what);
}

// Validates the 4-byte magic number; fills the dimension count.
Status checkMagic(const std::string &path, const unsigned char *magic, std::size_t &dimensions)
{
    const std::uint32_t value = bigEndian32(magic);
    if (magic[0] != 0 || magic[1] != 0)
        return corrupt(path, "not an IDX file (magic number " + hex32(value)
                                 + ", expected 0x00000801 for labels or 0x00000803 for images)");
    if (magic[2] != kUnsignedByteType)
        return corrupt(path, "IDX element type code " + hex8(magic[2]) + " (in magic " + hex32(value)
                                 + ") is not supported; only 0x08 (unsigned byte) is");
    dimensions = magic[3];
    if (dimensions < 1 || dimensions > kMaxDimensions)
        return corrupt(path, "IDX file declares " + std::to_string(dimensions)
                                 + " dimensions; expected 1 to 4 (magic " + hex32(value) + ")");
    return Status::ok();
}

// Reads and checks the magic number and the dimension sizes; fills array.shape and the element count.
Status readHeader(gzFile file, const std::string &path, IdxArray &array, std::uint64_t &elements)
{
    std::string zlibError;
    unsigned char magic[4];
    long long got = readSome(file, magic, sizeof magic, zlibError);
    if (got < 0)
        return corrupt(path, "compressed data is damaged (" + zlibError + ")");
    if (got == 0)
        return corrupt(path, "file is empty; expected an IDX header");
    if (got < 4)
        return corrupt(path, "file ends inside the 4-byte IDX magic number");
    std::size_t dimensions = 0;
    if (Status status = checkMagic(path, magic, dimensions); !status.isOk())
        return status;

    unsigned char dims[4 * kMaxDimensions];
    got = readSome(file, dims, 4 * dimensions, zlibError);
    if (got < 0)
        return corrupt(path, "compressed data is damaged (" + zlibError + ")");
    if (static_cast<std::size_t>(got) < 4 * dimensions)
        return corrupt(path, "header truncated: " + std::to_string(dimensions) + " dimension sizes declared but only "
                                 + std::to_string(got) + " of " + std::to_string(4 * dimensions) + " bytes present");
    elements = 1;
    for (std::size_t d = 0; d < dimensions; ++d) {
        const std::uint32_t size = bigEndian32(dims + 4 * d);
        array.shape.push_back(size);
        if (size != 0 && elements > (std::uint64_t(1) << 40) / size)
            return corrupt(path, "implausible dimensions " + shapeText(array.shape) + " (more than 2^40 elements)");
        elements *= size;
    }
    return Status::ok();
}

} // namespace

Result<IdxArray> IdxReader::readFile(const std::string &path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return Status::ioError(path + ": no such file");
    if (!std::filesystem::is_regular_file(path, ec))
        return Status::ioError(path + ": not a regular file");
    GzHandle file(gzopen(path.c_str(), "rb"));
    if (!file)
        return Status::ioError(path + ": cannot open for reading");
    gzbuffer(file.get(), 256 * 1024);

    IdxArray array;
    std::uint64_t expected = 0;
    if (Status status = readHeader(file.get(), path, array, expected); !status.isOk())
        return status;

    std::string zlibError;
    long long got = 0;
    // Grow as bytes arrive so a foreign or truncated file cannot make us allocate what it merely claims.
    std::size_t have = 0;
    while (have < expected) {
        const std::size_t step = static_cast<std::size_t>(std::min<std::uint64_t>(expected - have, kReadChunk));
        array.data.resize(have + step);
        got = readSome(file.get(), array.data.data() + have, step, zlibError);
        if (got < 0)
            return corrupt(path, "compressed data is damaged after " + std::to_string(have) + " payload bytes ("
                                     + zlibError + ")");
        have += static_cast<std::size_t>(got);
        if (static_cast<std::size_t>(got) < step)
            return corrupt(path, "truncated: dimensions " + shapeText(array.shape) + " need " + std::to_string(expected)
                                     + " data bytes but only " + std::to_string(have) + " follow the header");
    }
    unsigned char extra = 0;
    got = readSome(file.get(), &extra, 1, zlibError);
    if (got < 0)
        return corrupt(path, "compressed data is damaged (" + zlibError + ")");
    if (got > 0)
        return corrupt(path, "trailing bytes after the " + std::to_string(expected) + " data bytes that dimensions "
                                 + shapeText(array.shape) + " describe; the header does not match the file size");
    return array;
}

namespace {

std::string splitFile(const std::string &dir, const std::string &split, const char *kind)
{
    const std::string gz = (std::filesystem::path(dir) / (split + "-" + kind + "-ubyte.gz")).string();
    std::error_code ec;
    if (std::filesystem::exists(gz, ec))
        return gz;
    const std::string plain = gz.substr(0, gz.size() - 3);
    return std::filesystem::exists(plain, ec) ? plain : gz;
}

} // namespace

Result<ImageDataset> loadMnistSplit(const std::string &dir, const std::string &split)
{
    if (split != "train" && split != "t10k")
        return Status::invalidInput("split '" + split + "' is not one of: train, t10k");
    const std::string imagePath = splitFile(dir, split, "images-idx3");
    const std::string labelPath = splitFile(dir, split, "labels-idx1");
    Result<IdxArray> images = IdxReader::readFile(imagePath);
    if (!images.isOk())
        return images.status();
    Result<IdxArray> labels = IdxReader::readFile(labelPath);
    if (!labels.isOk())
        return labels.status();
    const IdxArray &img = images.value();
    const IdxArray &lab = labels.value();
    if (img.shape.size() != 3)
        return Status::invalidInput(imagePath + ": expected 3 dimensions (count x rows x columns), found "
                                    + shapeText(img.shape));
    if (lab.shape.size() != 1)
        return Status::invalidInput(labelPath + ": expected 1 dimension (count), found " + shapeText(lab.shape));
    if (img.shape[0] != lab.shape[0])
        return Status::invalidInput(imagePath + " has " + std::to_string(img.shape[0]) + " images but " + labelPath
                                    + " has " + std::to_string(lab.shape[0]) + " labels");
    for (std::size_t i = 0; i < lab.data.size(); ++i)
        if (lab.data[i] > 9)
            return Status::invalidInput(labelPath + ": label " + std::to_string(lab.data[i]) + " at index "
                                        + std::to_string(i) + " is outside 0..9");

    ImageDataset dataset;
    dataset.count = img.shape[0];
    dataset.features = std::size_t(img.shape[1]) * img.shape[2];
    dataset.pixels.resize(img.data.size());
    for (std::size_t i = 0; i < img.data.size(); ++i)
        dataset.pixels[i] = static_cast<float>(img.data[i]) / 255.0f;
    dataset.labels = lab.data;
    return dataset;
}

std::string defaultFashionMnistDir()
{
    const char *fromEnvironment = std::getenv("LOUPE_FASHION_MNIST_DIR");
    if (fromEnvironment && *fromEnvironment)
        return fromEnvironment;
    return "/usr/share/datasets/fashion-mnist";
}

} // namespace loupe
