#include "core/train/TrainingData.h"

#include "core/data/IdxReader.h"

#include <algorithm>

namespace loupe {

namespace {

constexpr Index s_fashionMnistClassCount = 10;

Result<TrainingSet> loadImages(const std::string &directory, const std::string &split, std::size_t rowLimit)
{
    auto loaded = loadMnistSplit(directory, split);
    if (!loaded.isOk())
        return loaded.status();
    ImageDataset images = loaded.takeValue();
    if (rowLimit > 0 && rowLimit < images.count) {
        images.count = rowLimit;
        images.pixels.resize(rowLimit * images.features);
        images.labels.resize(rowLimit);
    }
    auto set = TrainingSet::fromLabels(std::move(images.pixels), static_cast<Index>(images.features), images.labels,
                                       s_fashionMnistClassCount);
    if (!set.isOk())
        return Status::invalidInput(directory + " (" + split + "): " + set.message());
    return set;
}

} // namespace

std::string TrainingData::description() const
{
    std::string text = std::to_string(train.size()) + " training, " + std::to_string(validation.size())
                       + " validation, " + std::to_string(test.size()) + " test rows; "
                       + std::to_string(train.featureCount()) + " features; ";
    if (task == TaskKind::Classification)
        text += std::to_string(classLabels.size()) + " classes";
    else
        text += "regression";
    return text;
}

const std::vector<std::string> &TrainingData::fashionMnistClasses()
{
    static const std::vector<std::string> s_classes = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                       "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    return s_classes;
}

Result<TrainingData> TrainingData::fromFashionMnist(const FashionMnistOptions &options, std::uint64_t seed)
{
    const std::string directory = options.directory.empty() ? defaultFashionMnistDir() : options.directory;
    if (Status status = DataSplitter::validate({options.validationFraction, 0.0}); !status.isOk())
        return status;
    auto training = loadImages(directory, "train", options.rowLimit);
    if (!training.isOk())
        return training.status();
    auto test = loadImages(directory, "t10k", options.rowLimit);
    if (!test.isOk())
        return test.status();

    TrainingData data;
    data.source = "fashion-mnist";
    data.task = TaskKind::Classification;
    data.classLabels = fashionMnistClasses();
    data.test = test.takeValue();
    if (options.validationFraction > 0.0) {
        auto partition = DataSplitter::partition(static_cast<std::size_t>(training.value().size()),
                                                 {options.validationFraction, 0.0}, seed);
        if (!partition.isOk())
            return partition.status();
        auto train = DataSplitter::take(training.value(), partition.value().train);
        auto validation = DataSplitter::take(training.value(), partition.value().validation);
        if (!train.isOk() || !validation.isOk())
            return train.isOk() ? validation.status() : train.status();
        data.train = train.takeValue();
        data.validation = validation.takeValue();
    } else {
        data.train = training.takeValue();
    }
    for (Index i = 0; i < data.train.featureCount(); ++i)
        data.featureNames.push_back("pixel" + std::to_string(i));
    return data;
}

Result<TrainingData> TrainingData::fromTable(const Table &table, const TableEncodingOptions &options,
                                             const SplitFractions &fractions, std::uint64_t seed,
                                             const std::string &sourceName)
{
    if (table.rowCount() == 0)
        return Status::invalidInput(sourceName + ": the table has no rows");
    auto partition = DataSplitter::partition(table.rowCount(), fractions, seed);
    if (!partition.isOk())
        return Status::invalidInput(sourceName + ": " + partition.message());
    const RowPartition &rows = partition.value();
    auto encoding = TableEncoding::plan(table, options, rows.train);
    if (!encoding.isOk())
        return Status::invalidInput(sourceName + ": " + encoding.message());

    TrainingData data;
    data.source = sourceName;
    const TableEncoding &plan = encoding.value();
    auto encodePart = [&](const std::vector<std::size_t> &part, TrainingSet &set) -> Status {
        if (part.empty())
            return Status::ok();
        auto encoded = plan.encode(table, part);
        if (!encoded.isOk())
            return Status::invalidInput(sourceName + ": " + encoded.message());
        set = encoded.takeValue();
        return Status::ok();
    };
    for (auto [part, set] : {std::pair{&rows.train, &data.train}, std::pair{&rows.validation, &data.validation},
                             std::pair{&rows.test, &data.test}}) {
        if (Status status = encodePart(*part, *set); !status.isOk())
            return status;
    }
    data.task = plan.task;
    data.classLabels = plan.classLabels;
    data.featureNames = plan.featureNames;
    data.encoding = encoding.takeValue();
    return data;
}

} // namespace loupe
