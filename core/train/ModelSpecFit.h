#pragma once
// Whether a model spec fits the table data a FeaturePlan describes, and the spec adapted to it, so
// that a spec written for another dataset (the chapter's: 784 inputs, 10 classes) can be fitted to
// a CSV instead of failing at the start of training ("input.features: the spec says 784 but the
// data has 27 features").
//
// Fits: input.features is absent (taken from the data) or equals the plan's feature width; the
// outputs match the target: one unit per class with softmax and categorical_crossentropy, or for
// two classes one sigmoid unit with binary_crossentropy; one unit with mse for a number target.
// adapt() removes input.features (the width then comes from the data) and rewrites the output:
// the last dense layer gets one unit per class (softmax, categorical_crossentropy; a two-class
// spec with one sigmoid unit is kept), or one linear unit with mse for a number; activation layers
// after it are dropped when they no longer fit. Hidden layers, optimizer and training keys stay.

#include "core/train/FeaturePlan.h"
#include "core/train/ModelSpec.h"

#include <string>

namespace loupe {

struct SpecFit {
    bool inputFits = true;
    bool outputFits = true;
    Index specInputs = 0;  // 0: taken from the data
    Index dataInputs = 0;  // the plan's feature width
    Index specOutputs = 0; // units of the last dense layer
    Index dataOutputs = 0; // classes, or 1 for a number target
    bool regression = false;

    bool fits() const { return inputFits && outputFits; }
    // "the spec expects 784 inputs and 10 outputs (softmax); the data gives 27 inputs and 2 classes"
    std::string describe() const;
};

class ModelSpecFit {
public:
    static SpecFit check(const ModelSpec &spec, const FeaturePlan &plan);
    // requires: the spec has a dense layer (every parsed spec has one).
    // ensures: check(adapt(spec, plan), plan).fits(), and adapt's JSON parses back.
    static ModelSpec adapt(const ModelSpec &spec, const FeaturePlan &plan);
};

} // namespace loupe
