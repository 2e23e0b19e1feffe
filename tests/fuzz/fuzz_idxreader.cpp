// libFuzzer target for IDX files (Fashion-MNIST, `--fashion-mnist DIR`): IdxReader::readFile on a file holding
// the input, as it is (plain or gzip) and, for plain input, gzip-compressed as well. Properties: no crash and
// no allocation beyond what the file holds; an error names the file; an accepted array's data size is the
// product of its shape, the plain and the compressed file read the same, and the plain file is exactly the
// header followed by the data.

#include "FuzzSupport.h"

#include "core/data/IdxReader.h"

#include <zlib.h>

#include <vector>

namespace {

constexpr const char *kTarget = "fuzz_idxreader";

std::vector<unsigned char> gzipped(const std::uint8_t *data, std::size_t size)
{
    z_stream stream{};
    if (deflateInit2(&stream, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        loupe::fuzz::fail(kTarget, "deflateInit2", "");
    std::vector<unsigned char> out(deflateBound(&stream, size) + 32);
    stream.next_in = const_cast<Bytef *>(data);
    stream.avail_in = static_cast<uInt>(size);
    stream.next_out = out.data();
    stream.avail_out = static_cast<uInt>(out.size());
    if (deflate(&stream, Z_FINISH) != Z_STREAM_END)
        loupe::fuzz::fail(kTarget, "deflate", "");
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

std::vector<unsigned char> serialize(const loupe::IdxArray &array)
{
    std::vector<unsigned char> out = {0, 0, 0x08, static_cast<unsigned char>(array.shape.size())};
    for (const std::uint32_t size : array.shape)
        for (int shift = 24; shift >= 0; shift -= 8)
            out.push_back(static_cast<unsigned char>(size >> shift));
    out.insert(out.end(), array.data.begin(), array.data.end());
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace loupe;
    const std::string &path = fuzz::writeInputFile(data, size);
    const Result<IdxArray> plain = IdxReader::readFile(path);
    if (!plain.isOk() && !fuzz::startsWith(plain.message(), path + ": "))
        fuzz::fail(kTarget, "message does not start with the path", plain.message());
    if (plain.isOk()) {
        std::uint64_t elements = 1;
        for (const std::uint32_t dimension : plain.value().shape)
            elements *= dimension;
        if (elements != plain.value().data.size())
            fuzz::fail(kTarget, "data size is not the product of the shape", std::to_string(elements));
    }
    const bool isGzip = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
    if (isGzip)
        return 0;
    if (plain.isOk() && serialize(plain.value()) != std::vector<unsigned char>(data, data + size))
        fuzz::fail(kTarget, "accepted plain file is not header + data", std::to_string(size) + " bytes");

    const std::vector<unsigned char> compressed = gzipped(data, size);
    const Result<IdxArray> unzipped = IdxReader::readFile(fuzz::writeInputFile(compressed.data(), compressed.size()));
    if (plain.isOk() != unzipped.isOk())
        fuzz::fail(kTarget, "plain and gzip disagree", plain.isOk() ? unzipped.message() : plain.message());
    if (plain.isOk() && (plain.value().shape != unzipped.value().shape || plain.value().data != unzipped.value().data))
        fuzz::fail(kTarget, "plain and gzip read differently", "");
    return 0;
}
