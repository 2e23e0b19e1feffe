#include "core/nn/WeightsFile.h"

#include "core/nn/Sequential.h"
#include "core/util/OutputFile.h"

#include <bit>
#include <climits>
#include <cstdint>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace loupe {

namespace {

constexpr std::size_t s_checksumSize = 8;

class ByteWriter {
public:
    void bytes(const void *data, std::size_t size)
    {
        const auto *p = static_cast<const unsigned char *>(data);
        m_buffer.insert(m_buffer.end(), p, p + size);
    }
    void u8(std::uint8_t v) { m_buffer.push_back(v); }
    void u16(std::uint16_t v) { littleEndian(v, 2); }
    void u32(std::uint32_t v) { littleEndian(v, 4); }
    void u64(std::uint64_t v) { littleEndian(v, 8); }
    void floats(const float *data, std::size_t count)
    {
        if constexpr (std::endian::native == std::endian::little) {
            bytes(data, count * sizeof(float));
        } else {
            for (std::size_t i = 0; i < count; ++i)
                u32(std::bit_cast<std::uint32_t>(data[i]));
        }
    }
    std::vector<unsigned char> &buffer() { return m_buffer; }

private:
    void littleEndian(std::uint64_t v, int size)
    {
        for (int i = 0; i < size; ++i)
            m_buffer.push_back(static_cast<unsigned char>(v >> (8 * i)));
    }
    std::vector<unsigned char> m_buffer;
};

// Bounds-checked reads; after the first failure every read returns zero and ok() is false.
class ByteReader {
public:
    ByteReader(const unsigned char *data, std::size_t size) : m_data(data), m_size(size) {}
    bool ok() const { return m_ok; }
    std::size_t position() const { return m_position; }
    std::uint64_t unsignedValue(int size)
    {
        if (!take(static_cast<std::size_t>(size)))
            return 0;
        std::uint64_t v = 0;
        for (int i = 0; i < size; ++i)
            v |= static_cast<std::uint64_t>(m_data[m_position - size + i]) << (8 * i);
        return v;
    }
    std::string text(std::size_t size)
    {
        if (!take(size))
            return {};
        return std::string(reinterpret_cast<const char *>(m_data + m_position - size), size);
    }
    void floats(float *target, std::size_t count)
    {
        if (count == 0) // an empty block has no storage: memcpy from or to a null pointer is undefined
            return;
        if (!take(count * sizeof(float)))
            return;
        const unsigned char *source = m_data + m_position - count * sizeof(float);
        if constexpr (std::endian::native == std::endian::little) {
            std::memcpy(target, source, count * sizeof(float));
        } else {
            for (std::size_t i = 0; i < count; ++i) {
                std::uint32_t v = 0;
                for (int b = 0; b < 4; ++b)
                    v |= static_cast<std::uint32_t>(source[4 * i + b]) << (8 * b);
                target[i] = std::bit_cast<float>(v);
            }
        }
    }

private:
    bool take(std::size_t size)
    {
        if (!m_ok || size > m_size - m_position) {
            m_ok = false;
            return false;
        }
        m_position += size;
        return true;
    }
    const unsigned char *m_data;
    std::size_t m_size;
    std::size_t m_position = 0;
    bool m_ok = true;
};

std::string shapeText(Index rows, Index cols)
{
    return std::to_string(rows) + "x" + std::to_string(cols);
}

std::string hex(std::uint64_t value)
{
    char text[19];
    std::snprintf(text, sizeof text, "0x%016llx", static_cast<unsigned long long>(value));
    return text;
}

Result<std::vector<unsigned char>> readAll(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Status::ioError(path + ": cannot open for reading (" + std::strerror(errno) + ")");
    std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
        return Status::ioError(path + ": read error");
    return bytes;
}

struct LayerShape {
    std::string type;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> blocks; // rows, cols
};

// Parses the header's shapes; nothing is allocated for the data until the file's size agrees.
Result<std::vector<LayerShape>> parseHeader(const std::string &path, ByteReader &reader)
{
    const std::uint64_t layerCount = reader.unsignedValue(4);
    std::vector<LayerShape> layers;
    for (std::uint64_t l = 0; l < layerCount && reader.ok(); ++l) {
        LayerShape layer;
        layer.type = reader.text(reader.unsignedValue(1));
        const std::uint64_t blockCount = reader.unsignedValue(4);
        for (std::uint64_t b = 0; b < blockCount && reader.ok(); ++b) {
            const std::uint64_t rows = reader.unsignedValue(4);
            const std::uint64_t cols = reader.unsignedValue(4);
            if (reader.ok())
                layer.blocks.emplace_back(rows, cols);
        }
        layers.push_back(std::move(layer));
    }
    if (!reader.ok())
        return Status::invalidInput(path + ": truncated: the file ends inside its header");
    return layers;
}

} // namespace

std::uint64_t WeightsFile::checksum(const unsigned char *bytes, std::size_t size)
{
    std::uint64_t hash = 0xCBF29CE484222325ull;
    for (std::size_t i = 0; i < size; ++i) {
        hash ^= bytes[i];
        hash *= 0x100000001B3ull;
    }
    return hash;
}

Status WeightsFile::save(const OutputTarget &target, Sequential &model)
{
    ByteWriter writer;
    writer.bytes(s_magic, sizeof s_magic);
    writer.u16(s_version);
    writer.u32(static_cast<std::uint32_t>(model.layerCount()));
    for (std::size_t l = 0; l < model.layerCount(); ++l) {
        const std::string type = model.layer(l).typeName();
        writer.u8(static_cast<std::uint8_t>(type.size()));
        writer.bytes(type.data(), type.size());
        const auto blocks = model.layer(l).parameters();
        writer.u32(static_cast<std::uint32_t>(blocks.size()));
        for (const ParameterBlock &block : blocks) {
            writer.u32(static_cast<std::uint32_t>(block.value->rows()));
            writer.u32(static_cast<std::uint32_t>(block.value->cols()));
        }
    }
    for (std::size_t l = 0; l < model.layerCount(); ++l) {
        for (const ParameterBlock &block : model.layer(l).parameters())
            writer.floats(block.value->data(), static_cast<std::size_t>(block.size()));
    }
    std::vector<unsigned char> &bytes = writer.buffer();
    writer.u64(checksum(bytes.data(), bytes.size()));

    return OutputFile::write(target, std::string_view(reinterpret_cast<const char *>(bytes.data()), bytes.size()));
}

Status WeightsFile::save(const std::string &path, Sequential &model)
{
    return save(OutputTarget{.parameter = {}, .path = path, .access = FileAccess::Shared}, model);
}

Result<std::vector<WeightsFile::LayerWeights>> WeightsFile::read(const std::string &path)
{
    auto file = readAll(path);
    if (!file.isOk())
        return file.status();
    const std::vector<unsigned char> &bytes = file.value();
    const std::size_t prefix = sizeof s_magic + 2;
    if (bytes.size() < sizeof s_magic || std::memcmp(bytes.data(), s_magic, sizeof s_magic) != 0)
        return Status::invalidInput(path + ": not a Loupe weights file (it does not start with \"LOUPEW\")");
    if (bytes.size() < prefix)
        return Status::invalidInput(path + ": truncated: the file ends inside its header");
    ByteReader reader(bytes.data(), bytes.size());
    reader.text(sizeof s_magic);
    const auto version = static_cast<std::uint16_t>(reader.unsignedValue(2));
    if (version != s_version) {
        return Status::invalidInput(path + ": unsupported weights format version " + std::to_string(version)
                                    + " (this build reads version " + std::to_string(s_version) + ")");
    }
    auto header = parseHeader(path, reader);
    if (!header.isOk())
        return header.status();

    // Sizes in 64 bits (each block is at most 2^32 x 2^32 values, at most 2^32 blocks per layer),
    // saturating, so a corrupt header can only make the expected size larger than the file.
    std::uint64_t dataSize = 0;
    for (const LayerShape &layer : header.value()) {
        for (const auto &[rows, cols] : layer.blocks) {
            const unsigned __int128 bytes = static_cast<unsigned __int128>(rows) * cols * sizeof(float);
            dataSize = bytes > UINT64_MAX - dataSize ? UINT64_MAX : dataSize + static_cast<std::uint64_t>(bytes);
        }
    }
    const std::uint64_t headerSize = reader.position();
    const std::uint64_t expected = dataSize > UINT64_MAX - headerSize - s_checksumSize
        ? UINT64_MAX
        : headerSize + dataSize + s_checksumSize;
    if (bytes.size() < expected) {
        return Status::invalidInput(path + ": truncated: its header describes " + std::to_string(expected)
                                    + " bytes but the file has " + std::to_string(bytes.size()));
    }
    if (bytes.size() > expected) {
        return Status::invalidInput(path + ": corrupt: " + std::to_string(bytes.size() - expected)
                                    + " unexpected bytes after the data its header describes");
    }
    ByteReader tail(bytes.data() + expected - s_checksumSize, s_checksumSize);
    const std::uint64_t stored = tail.unsignedValue(8);
    const std::uint64_t computed = checksum(bytes.data(), expected - s_checksumSize);
    if (stored != computed) {
        return Status::invalidInput(path + ": checksum mismatch (stored " + hex(stored) + ", computed " + hex(computed)
                                    + "): the file is corrupt");
    }
    std::vector<LayerWeights> layers;
    for (const LayerShape &shape : header.value()) {
        LayerWeights layer;
        layer.type = shape.type;
        for (const auto &[rows, cols] : shape.blocks) {
            Matrix block(static_cast<Index>(rows), static_cast<Index>(cols));
            reader.floats(block.data(), static_cast<std::size_t>(block.size()));
            layer.blocks.push_back(std::move(block));
        }
        layers.push_back(std::move(layer));
    }
    return layers;
}

Status WeightsFile::load(const std::string &path, Sequential &model)
{
    auto contents = read(path);
    if (!contents.isOk())
        return contents.status();
    const std::vector<LayerWeights> &layers = contents.value();
    if (layers.size() != model.layerCount()) {
        return Status::invalidInput(path + ": the file has " + std::to_string(layers.size())
                                    + " layers but the model has " + std::to_string(model.layerCount()));
    }
    std::vector<Matrix> weights;
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const std::string where = path + ": layers[" + std::to_string(l) + "]";
        Layer &layer = model.layer(l);
        if (layers[l].type != layer.typeName())
            return Status::invalidInput(where + " is " + layers[l].type + " in the file but " + layer.typeName() + " in the model");
        const auto blocks = layer.parameters();
        if (blocks.size() != layers[l].blocks.size()) {
            return Status::invalidInput(where + " has " + std::to_string(layers[l].blocks.size())
                                        + " parameter blocks in the file but " + std::to_string(blocks.size()) + " in the model");
        }
        for (std::size_t b = 0; b < blocks.size(); ++b) {
            const Matrix &stored = layers[l].blocks[b];
            const Matrix &target = *blocks[b].value;
            if (stored.rows() != target.rows() || stored.cols() != target.cols()) {
                return Status::invalidInput(where + "." + blocks[b].name + ": shape mismatch: "
                                            + shapeText(stored.rows(), stored.cols()) + " in the file, "
                                            + shapeText(target.rows(), target.cols()) + " in the model");
            }
            weights.push_back(stored);
        }
    }
    return model.setWeights(weights);
}

} // namespace loupe
