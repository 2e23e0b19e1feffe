#pragma once
// Reader for the IDX format of MNIST / Fashion-MNIST (gzip-compressed or plain).

#include "core/util/Status.h"

#include <cstdint>
#include <string>
#include <vector>

namespace loupe {

struct IdxArray {
    std::vector<std::uint32_t> shape; // e.g. {60000, 28, 28}
    std::vector<std::uint8_t> data;   // row-major, unsigned bytes (type code 0x08)
};

class IdxReader {
public:
    static Result<IdxArray> readFile(const std::string &path);
};

// Images scaled to [0,1] as float32 rows of 784 and their labels.
struct ImageDataset {
    std::size_t count = 0;
    std::size_t features = 0;
    std::vector<float> pixels;        // count x features, row-major
    std::vector<std::uint8_t> labels; // count
};

// Reads <dir>/{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz. split: "train" or "t10k".
Result<ImageDataset> loadMnistSplit(const std::string &dir, const std::string &split);
std::string defaultFashionMnistDir(); // /usr/share/datasets/fashion-mnist, or $LOUPE_FASHION_MNIST_DIR

} // namespace loupe
