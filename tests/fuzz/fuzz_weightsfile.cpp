// libFuzzer target for weights files (`--load-weights`): WeightsFile::read on a file holding the input.
// The first input byte is a control byte: when its low bit is set, the rest gets the correct FNV-1a
// checksum appended, so the fuzzer gets past the checksum to the shapes and the data. Properties: no
// crash and no allocation beyond what the file holds; an error names the file; and the format is
// canonical: what read() accepts, written back out in the documented layout, is the file byte for byte.

#include "FuzzSupport.h"

#include "core/nn/WeightsFile.h"

#include <cstring>
#include <vector>

namespace {

constexpr const char *kTarget = "fuzz_weightsfile";

void putLittleEndian(std::vector<unsigned char> &out, std::uint64_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.push_back(static_cast<unsigned char>(value >> (8 * i)));
}

std::vector<unsigned char> serialize(const std::vector<loupe::WeightsFile::LayerWeights> &layers)
{
    std::vector<unsigned char> out(loupe::WeightsFile::s_magic, loupe::WeightsFile::s_magic + 6);
    putLittleEndian(out, loupe::WeightsFile::s_version, 2);
    putLittleEndian(out, layers.size(), 4);
    for (const auto &layer : layers) {
        putLittleEndian(out, layer.type.size(), 1);
        out.insert(out.end(), layer.type.begin(), layer.type.end());
        putLittleEndian(out, layer.blocks.size(), 4);
        for (const loupe::Matrix &block : layer.blocks) {
            putLittleEndian(out, static_cast<std::uint64_t>(block.rows()), 4);
            putLittleEndian(out, static_cast<std::uint64_t>(block.cols()), 4);
        }
    }
    for (const auto &layer : layers)
        for (const loupe::Matrix &block : layer.blocks) {
            const auto *bytes = reinterpret_cast<const unsigned char *>(block.data());
            out.insert(out.end(), bytes, bytes + block.size() * sizeof(float));
        }
    putLittleEndian(out, loupe::WeightsFile::checksum(out.data(), out.size()), 8);
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace loupe;
    if (size == 0)
        return 0;
    std::vector<unsigned char> file(data + 1, data + size);
    if (data[0] & 1)
        putLittleEndian(file, WeightsFile::checksum(file.data(), file.size()), 8);
    const std::string &path = fuzz::writeInputFile(file.data(), file.size());
    const Result<std::vector<WeightsFile::LayerWeights>> layers = WeightsFile::read(path);
    if (!layers.isOk()) {
        if (!fuzz::startsWith(layers.message(), path + ": "))
            fuzz::fail(kTarget, "message does not start with the path", layers.message());
        return 0;
    }
    if (serialize(layers.value()) != file)
        fuzz::fail(kTarget, "accepted file is not canonical", std::to_string(file.size()) + " bytes");
    return 0;
}
