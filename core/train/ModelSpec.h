#pragma once
// A model and how to train it, as plain JSON (the chapter's Keras Sequential, see
// docs/model-spec.md). Parsing is strict: unknown keys, wrong types and out-of-range values are
// errors whose message starts with the JSON path, e.g. "layers[2].units: expected a positive
// integer, got -3". Values are plain (no distributions): a search space is a different format
// that produces ModelSpecs.

#include "core/nn/Activation.h"
#include "core/nn/Initializer.h"
#include "core/util/Matrix.h"
#include "core/optim/Adam.h"
#include "core/optim/GradientClipping.h"
#include "core/optim/RmsProp.h"
#include "core/optim/ScheduleSpec.h"
#include "core/optim/Sgd.h"
#include "core/prep/ScalingMethod.h"
#include "core/train/SpecFeatures.h"
#include "core/util/Status.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

enum class LayerKind { Dense, Dropout, Activation };

struct LayerSpec {
    LayerKind kind = LayerKind::Dense;
    Index units = 0;                                       // dense
    Activation activation = Activation::Linear;           // dense, activation
    Initializer kernelInitializer = Initializer::GlorotUniform; // dense
    float rate = 0.0f;                                     // dropout, in [0, 1)
};

enum class OptimizerKind { Sgd, RmsProp, Adam };

struct OptimizerSpec {
    OptimizerKind kind = OptimizerKind::RmsProp; // Keras' compile() default
    Sgd::Options sgd;
    RmsProp::Options rmsprop;
    Adam::Options adam;
    // Keras' clipnorm / clipvalue, keys of every optimizer object; 0 = absent (no clipping).
    GradientClipping clipping;
    float learningRate() const;
};

enum class LossKind { CategoricalCrossEntropy, BinaryCrossEntropy, MeanSquaredError };

struct ModelSpec {
    std::string name = "model";
    Index inputFeatures = 0; // 0: taken from the data
    std::vector<LayerSpec> layers;
    OptimizerSpec optimizer;
    LossKind loss = LossKind::CategoricalCrossEntropy;
    int batchSize = 32; // Keras' fit() default
    int epochs = 1;
    std::uint64_t seed = 0;
    // Fraction in [0, 1) held out from the end of the data for validation. Absent: the training
    // session holds out TrainingSession::defaultValidationFraction(); an explicit 0 holds out none.
    std::optional<double> validationSplit;
    bool shuffle = true;
    // The learning-rate schedule (per epoch or per step); absent: the optimizer's constant rate.
    std::optional<ScheduleSpec> schedule;
    // How a table's number features are scaled (fitted on the training rows only, docs/scaling.md):
    // "standard", "minmax", "mean", "l1", "l2" or "none". Absent: the caller's default (standardize;
    // loupe-cli train --scale / --no-standardize replace the key). Fashion-MNIST refuses the key.
    std::optional<ScalingMethod> scaling;
    // Which columns of a CSV it trains on and how (SpecFeatures.h); absent: the request's choices and
    // the proposal alone.
    std::optional<SpecFeatures> features;

    // Errors: InvalidInput with "<json path>: <what is wrong>"; JSON that cannot be read (syntax, depth,
    // numbers beyond a double) gives "<source>:<line>:<column>: <what> (at <json path>)".
    static Result<ModelSpec> parse(const std::string &jsonText, std::string_view source = "model spec");
    static Result<ModelSpec> fromJson(const nlohmann::json &root);
    // As parse(), with messages prefixed by "<path>: "; IoError when the file cannot be read.
    static Result<ModelSpec> fromFile(const std::string &path);

    // The canonical JSON form (every key, defaults written out); parse(toJson()) gives it back.
    nlohmann::ordered_json toJson() const;
    std::string toJsonText() const; // pretty-printed, two-space indent
};

std::string lossName(LossKind loss);
std::string optimizerName(OptimizerKind optimizer);

} // namespace loupe
