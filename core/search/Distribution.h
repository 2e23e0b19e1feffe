#pragma once
// One hyperparameter's prior, with hyperopt's eleven primitives and their parameters:
//   choice(K options)            index ~ U{0..K-1}
//   pchoice(p_0..p_{K-1})        index ~ categorical(p)
//   uniform(low, high)           U(low, high)
//   quniform(low, high, q)       round(U(low, high) / q) * q
//   loguniform(low, high)        exp(U(low, high))     -- low/high are LOG bounds: range [e^low, e^high]
//   qloguniform(low, high, q)    round(exp(U(low, high)) / q) * q
//   normal(mu, sigma)            N(mu, sigma)
//   qnormal(mu, sigma, q)        round(N(mu, sigma) / q) * q
//   lognormal(mu, sigma)         exp(N(mu, sigma))
//   qlognormal(mu, sigma, q)     round(exp(N(mu, sigma)) / q) * q
//   randint(low, upper)          integer in [low, upper)
// A sampled "raw value" is a double: the option index for choice/pchoice, the integer for randint,
// the value itself otherwise. The options of a choice live in SearchSpace, not here.

#include "core/util/Status.h"

#include <string>
#include <string_view>
#include <vector>

namespace loupe {

class RandomGenerator;

enum class DistributionKind {
    Choice,
    PChoice,
    Uniform,
    QUniform,
    LogUniform,
    QLogUniform,
    Normal,
    QNormal,
    LogNormal,
    QLogNormal,
    RandInt,
};

// "choice", "pchoice", "uniform", ... (the JSON template keys).
std::string_view distributionKindName(DistributionKind kind);
// requires nothing; returns false when name is not one of the eleven keys.
bool distributionKindFromName(std::string_view name, DistributionKind &kind);

class Distribution {
public:
    // Factories. They do not validate: call validate() (the template parser does) before sampling.
    static Distribution choice(int optionCount);
    static Distribution pchoice(std::vector<double> probabilities);
    static Distribution uniform(double low, double high);
    static Distribution quniform(double low, double high, double q);
    static Distribution loguniform(double low, double high);
    static Distribution qloguniform(double low, double high, double q);
    static Distribution normal(double mu, double sigma);
    static Distribution qnormal(double mu, double sigma, double q);
    static Distribution lognormal(double mu, double sigma);
    static Distribution qlognormal(double mu, double sigma, double q);
    static Distribution randint(double low, double upper);

    DistributionKind kind() const { return m_kind; }
    bool isCategorical() const; // choice, pchoice
    bool isBounded() const;     // uniform family (low/high) and randint
    bool isLog() const;         // loguniform, qloguniform, lognormal, qlognormal
    bool isQuantized() const;   // q* kinds
    // True when every raw value is an integer (categorical, randint, q* with integral q and bounds).
    bool isIntegral() const;

    double low() const { return m_low; }     // uniform family (log bounds for log kinds), randint
    double high() const { return m_high; }   // uniform family; randint: exclusive upper
    double mu() const { return m_mu; }       // normal family
    double sigma() const { return m_sigma; } // normal family
    double q() const { return m_q; }         // q* kinds, 0 otherwise
    int optionCount() const { return m_optionCount; }                        // categorical
    const std::vector<double> &probabilities() const { return m_probabilities; } // categorical, sums to 1

    // Ok, or an InvalidInput message without location (the caller prefixes the JSON path):
    // e.g. "uniform needs low < high, got [3, 1]", "pchoice probabilities must sum to 1".
    Status validate() const;

    // requires: validate().isOk(). ensures: the result is inside the support (bounded kinds:
    // [e^low, e^high] / [low, high] before quantization; quantized values are multiples of q).
    double sample(RandomGenerator &rng) const;
    // requires: validate().isOk(). Whether raw is a value this distribution can produce
    // (right kind of number, inside bounds, on the q grid). Used when reading stored trials.
    bool contains(double raw) const;

    // {"uniform": [0, 0.5]} form, the inverse of the template parser.
    std::string describe() const;

private:
    DistributionKind m_kind = DistributionKind::Uniform;
    double m_low = 0.0;
    double m_high = 1.0;
    double m_mu = 0.0;
    double m_sigma = 1.0;
    double m_q = 0.0;
    int m_optionCount = 0;
    std::vector<double> m_probabilities;
};

} // namespace loupe
