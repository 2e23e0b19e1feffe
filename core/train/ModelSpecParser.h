#pragma once
// The strict JSON -> ModelSpec reader behind ModelSpec::parse(). Every check reports the JSON
// path of the offending value and what was expected; the first error stops the parse.

#include "core/train/ModelSpec.h"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>

namespace loupe {

class ModelSpecParser {
public:
    Result<ModelSpec> parse(const nlohmann::json &root);

private:
    // Each helper returns false after recording the first error in m_error.
    bool fail(const std::string &path, const std::string &message);
    bool checkKeys(const nlohmann::json &object, const std::string &path, std::initializer_list<const char *> allowed);
    bool readPositiveInteger(const nlohmann::json &object, const char *key, const std::string &path,
                             std::int64_t maximum, std::int64_t &target);
    bool readUnsigned(const nlohmann::json &object, const char *key, const std::string &path, std::uint64_t &target);
    // Number in [low, high) (or [low, high] when highInclusive); absent keys keep the target.
    bool readNumber(const nlohmann::json &object, const char *key, const std::string &path, double low, double high,
                    bool highInclusive, float &target);
    bool readBool(const nlohmann::json &object, const char *key, const std::string &path, bool &target);
    bool readString(const nlohmann::json &object, const char *key, const std::string &path, std::string &target);

    bool parseInput(const nlohmann::json &root, ModelSpec &spec);
    bool parseLayers(const nlohmann::json &root, ModelSpec &spec);
    bool parseLayer(const nlohmann::json &layer, const std::string &path, LayerSpec &spec);
    bool parseOptimizer(const nlohmann::json &root, ModelSpec &spec);
    // Keras' clipnorm / clipvalue: positive finite numbers, at most one of them (as Keras 3).
    bool parseClipping(const nlohmann::json &object, const std::string &path, GradientClipping &clipping);
    bool parseOptimizerOptions(const nlohmann::json &object, const std::string &path, OptimizerSpec &spec);
    bool parseLoss(const nlohmann::json &root, ModelSpec &spec);
    bool parseTraining(const nlohmann::json &root, ModelSpec &spec);
    bool parseSchedule(const nlohmann::json &root, ModelSpec &spec);
    bool parseScaling(const nlohmann::json &root, ModelSpec &spec);
    bool parseFeatures(const nlohmann::json &root, ModelSpec &spec);
    bool checkOutputMatchesLoss(const ModelSpec &spec);

    std::optional<Status> m_error;
};

} // namespace loupe
