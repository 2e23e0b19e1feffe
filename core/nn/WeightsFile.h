#pragma once
// Binary weights file of a Sequential model (Loupe's own, versioned format).
//
// Layout, all integers and floats little-endian:
//   "LOUPEW"                     6 bytes magic
//   u16 version                  = 1
//   u32 layerCount
//   per layer: u8 typeLength, type name bytes ("dense", "dropout", ...), u32 blockCount,
//              per block: u32 rows, u32 cols
//   float32 data of every block, layer by layer, row-major
//   u64 FNV-1a 64 checksum of every byte before it
//
// Saving goes through OutputFile (a unique temporary file, then renamed), so a killed process never
// leaves a half file under the real name. A new weights file is readable by everyone the umask allows
// (FileAccess::Shared): weights hold no row of the data and are meant to be deployed. Loading checks, in order: magic, version, header bounds, size,
// checksum, then the layer types and shapes against the model; any failure is a Status whose
// message starts with the path and says what is wrong, and leaves the model unchanged.

#include "core/util/Matrix.h"
#include "core/util/OutputTarget.h"
#include "core/util/Status.h"

#include <cstdint>
#include <string>
#include <vector>

namespace loupe {

class Sequential;

class WeightsFile {
public:
    static constexpr char s_magic[6] = {'L', 'O', 'U', 'P', 'E', 'W'};
    static constexpr std::uint16_t s_version = 1;

    struct LayerWeights {
        std::string type;
        std::vector<Matrix> blocks;
    };

    // requires: model built. The target's problem or an IoError, naming it, when it cannot be written.
    static Status save(const OutputTarget &target, Sequential &model);
    // The same for a plain path (FileAccess::Shared, no parameter named in messages).
    static Status save(const std::string &path, Sequential &model);

    // The file's contents without a model (validated up to and including the checksum).
    static Result<std::vector<LayerWeights>> read(const std::string &path);

    // read() + checks against the model + copy into it. requires: model built.
    static Status load(const std::string &path, Sequential &model);

    // FNV-1a 64 of bytes.
    static std::uint64_t checksum(const unsigned char *bytes, std::size_t size);
};

} // namespace loupe
