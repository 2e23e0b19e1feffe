#pragma once
// The fixed word lists and spending profiles behind TransactionSimulator: people's names, merchant
// names, categories with their amount distributions, and the memo phrases (some with commas and quotes).

#include <span>
#include <string_view>

namespace loupe {

struct SpendingCategory {
    std::string_view name;
    double medianAmount;    // dollars; amounts are lognormal around it
    double sigma;           // log-scale spread
    unsigned weight;        // relative frequency among ordinary purchases
    unsigned fraudWeight;   // relative frequency among fraudulent ones
    std::span<const std::string_view> merchantSuffixes;
    std::span<const std::string_view> memos;
};

struct TransactionVocabulary {
    static std::span<const SpendingCategory> categories();
    static std::span<const std::string_view> firstNames();
    static std::span<const std::string_view> lastNames();
    static std::span<const std::string_view> merchantPrefixes();
    static std::span<const std::string_view> generalMemos();
    // Hourly weights (0h..23h) of ordinary and fraudulent activity.
    static std::span<const unsigned, 24> ordinaryHours();
    static std::span<const unsigned, 24> fraudHours();
};

} // namespace loupe
