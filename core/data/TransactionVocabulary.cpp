#include "core/data/TransactionVocabulary.h"

#include <array>

namespace loupe {

namespace {

using namespace std::string_view_literals;

constexpr std::array kFirstNames{
    "James"sv,  "Mary"sv,    "Robert"sv,  "Patricia"sv, "John"sv,    "Jennifer"sv, "Michael"sv, "Linda"sv,
    "David"sv,  "Elena"sv,   "William"sv, "Barbara"sv,  "Richard"sv, "Susan"sv,    "Joseph"sv,  "Jessica"sv,
    "Thomas"sv, "Sarah"sv,   "Carlos"sv,  "Karen"sv,    "Daniel"sv,  "Lisa"sv,     "Matthew"sv, "Nancy"sv,
    "Anthony"sv, "Grace"sv,  "Mark"sv,    "Sandra"sv,   "Wei"sv,     "Ashley"sv,   "Steven"sv,  "Emily"sv,
    "Andrew"sv, "Kimberly"sv, "Priya"sv,  "Donna"sv,    "Joshua"sv,  "Michelle"sv, "Kevin"sv,   "Carol"sv,
    "Brian"sv,  "Amanda"sv,  "Omar"sv,    "Melissa"sv,  "Luis"sv,    "Deborah"sv,  "Ahmed"sv,   "Sofia"sv,
    "Hiroshi"sv, "Fatima"sv, "Noah"sv,    "Olivia"sv,   "Liam"sv,    "Ava"sv,      "Mateo"sv,   "Chloe"sv,
    "Ivan"sv,   "Aisha"sv,   "Jonas"sv,   "Zoe"sv,
};

constexpr std::array kLastNames{
    "Smith"sv,    "Johnson"sv,  "Williams"sv, "Brown"sv,    "Jones"sv,    "Garcia"sv,   "Miller"sv,
    "Davis"sv,    "Rodriguez"sv, "Martinez"sv, "Hernandez"sv, "Lopez"sv,  "Gonzalez"sv, "Wilson"sv,
    "Anderson"sv, "Thomas"sv,   "Taylor"sv,   "Moore"sv,    "Jackson"sv,  "Martin"sv,   "Lee"sv,
    "Perez"sv,    "Thompson"sv, "White"sv,    "Harris"sv,   "Sanchez"sv,  "Clark"sv,    "Ramirez"sv,
    "Lewis"sv,    "Robinson"sv, "Walker"sv,   "Young"sv,    "Allen"sv,    "King"sv,     "Wright"sv,
    "Scott"sv,    "Torres"sv,   "Nguyen"sv,   "Hill"sv,     "Flores"sv,   "Green"sv,    "Adams"sv,
    "Nelson"sv,   "Baker"sv,    "Hall"sv,     "Rivera"sv,   "Campbell"sv, "Mitchell"sv, "Carter"sv,
    "Chen"sv,     "Patel"sv,    "Kim"sv,      "Singh"sv,    "O'Brien"sv,  "Kowalski"sv, "M\u00fcller"sv,
    "Okafor"sv,   "Silva"sv,    "Novak"sv,    "Yamamoto"sv,
};

constexpr std::array kMerchantPrefixes{
    "Oak"sv,      "Maple"sv,    "Harbor"sv,  "Summit"sv,   "Riverside"sv, "Cedar"sv,   "Pine"sv,
    "Golden"sv,   "Blue"sv,     "Red Rock"sv, "Northside"sv, "Lakeside"sv, "Union"sv,  "Liberty"sv,
    "Evergreen"sv, "Sunset"sv,  "Metro"sv,   "Pioneer"sv,  "Granite"sv,   "Silver"sv,  "Elm"sv,
    "Bayview"sv,  "Hilltop"sv,  "Main St"sv, "Parkway"sv,  "Crescent"sv,  "Beacon"sv,  "Willow"sv,
    "Prairie"sv,  "Coastal"sv,  "Joe's"sv,   "Lucky"sv,
};

constexpr std::array kGrocerySuffixes{"Grocers"sv, "Market"sv, "Foods"sv, "Pantry"sv, "Fresh Mart"sv};
constexpr std::array kDiningSuffixes{"Diner"sv, "Bistro"sv, "Grill"sv, "Kitchen"sv, "Cafe"sv, "Pizza"sv, "Noodles"sv};
constexpr std::array kFuelSuffixes{"Fuel"sv, "Gas"sv, "Petrol"sv, "Gas & Go"sv};
constexpr std::array kTravelSuffixes{"Air"sv, "Travel"sv, "Hotels"sv, "Rail"sv, "Car Rental"sv};
constexpr std::array kElectronicsSuffixes{"Electronics"sv, "Tech"sv, "Digital"sv, "Gadgets"sv};
constexpr std::array kApparelSuffixes{"Outfitters"sv, "Apparel"sv, "Boutique"sv, "Shoes"sv};
constexpr std::array kHealthSuffixes{"Pharmacy"sv, "Clinic"sv, "Dental"sv, "Optical"sv};
constexpr std::array kEntertainmentSuffixes{"Cinema"sv, "Games"sv, "Tickets"sv, "Books"sv};
constexpr std::array kUtilitiesSuffixes{"Power"sv, "Water"sv, "Telecom"sv, "Internet"sv};
constexpr std::array kOnlineSuffixes{"Online"sv, "Web Store"sv, "Direct"sv, "Shop"sv};
constexpr std::array kHomeSuffixes{"Hardware"sv, "Home Supply"sv, "Garden"sv, "Furniture"sv};
constexpr std::array kCashSuffixes{"ATM"sv, "Cash Point"sv};

constexpr std::array kGroceryMemos{"weekly groceries"sv, "milk, eggs, bread"sv, "party snacks"sv,
                                   "\"organic\" produce"sv};
constexpr std::array kDiningMemos{"lunch"sv, "dinner with \"the team\""sv, "coffee, bagel"sv, "takeout"sv};
constexpr std::array kFuelMemos{"fuel"sv, "fuel, car wash"sv, "road trip"sv};
constexpr std::array kTravelMemos{"flight home"sv, "hotel, 2 nights"sv, "conference travel"sv,
                                  "\"last minute\" booking"sv};
constexpr std::array kElectronicsMemos{"new phone"sv, "laptop charger"sv, "headphones, case"sv};
constexpr std::array kApparelMemos{"winter coat"sv, "shoes, socks"sv, "gift for mom"sv};
constexpr std::array kHealthMemos{"prescription"sv, "dentist copay"sv, "vitamins"sv};
constexpr std::array kEntertainmentMemos{"movie night"sv, "concert tickets, \"front row\""sv, "book club"sv};
constexpr std::array kUtilitiesMemos{"electric bill"sv, "internet, monthly"sv, "water bill"sv};
constexpr std::array kOnlineMemos{"subscription renewal"sv, "order 4471"sv, "return pending, see email"sv};
constexpr std::array kHomeMemos{"paint, brushes"sv, "garden supplies"sv, "new lamp"sv};
constexpr std::array kCashMemos{"cash"sv, "rent share"sv, "cash for market"sv};

constexpr std::array kGeneralMemos{"misc"sv,     "reimbursable"sv, "split with Sam"sv, "see \"budget\" sheet"sv,
                                   "personal"sv, "business"sv,     "gift"sv,           "monthly"sv};

const std::array<SpendingCategory, 12> kCategories{{
    {"grocery", 45.0, 0.60, 20, 3, kGrocerySuffixes, kGroceryMemos},
    {"dining", 28.0, 0.60, 16, 2, kDiningSuffixes, kDiningMemos},
    {"fuel", 42.0, 0.35, 10, 3, kFuelSuffixes, kFuelMemos},
    {"travel", 320.0, 0.80, 3, 8, kTravelSuffixes, kTravelMemos},
    {"electronics", 180.0, 0.90, 4, 14, kElectronicsSuffixes, kElectronicsMemos},
    {"apparel", 60.0, 0.70, 7, 6, kApparelSuffixes, kApparelMemos},
    {"health", 40.0, 0.80, 5, 1, kHealthSuffixes, kHealthMemos},
    {"entertainment", 25.0, 0.70, 7, 4, kEntertainmentSuffixes, kEntertainmentMemos},
    {"utilities", 95.0, 0.50, 5, 1, kUtilitiesSuffixes, kUtilitiesMemos},
    {"online", 35.0, 0.90, 14, 18, kOnlineSuffixes, kOnlineMemos},
    {"home", 85.0, 0.90, 4, 3, kHomeSuffixes, kHomeMemos},
    {"cash", 100.0, 0.60, 5, 12, kCashSuffixes, kCashMemos},
}};

// People shop by day; the fraud in the chapter's kind of data clusters at night.
constexpr std::array<unsigned, 24> kOrdinaryHours{2,  1,  1,  1,  1,  2,  4,  7,  10, 12, 13, 14,
                                                  15, 14, 13, 13, 13, 14, 15, 14, 12, 9,  6,  3};
constexpr std::array<unsigned, 24> kFraudHours{14, 15, 15, 14, 12, 10, 7, 5, 4, 4,  4,  4,
                                               4,  4,  4,  4,  4,  4,  5, 5, 6, 8, 10, 12};

} // namespace

std::span<const SpendingCategory> TransactionVocabulary::categories() { return kCategories; }
std::span<const std::string_view> TransactionVocabulary::firstNames() { return kFirstNames; }
std::span<const std::string_view> TransactionVocabulary::lastNames() { return kLastNames; }
std::span<const std::string_view> TransactionVocabulary::merchantPrefixes() { return kMerchantPrefixes; }
std::span<const std::string_view> TransactionVocabulary::generalMemos() { return kGeneralMemos; }
std::span<const unsigned, 24> TransactionVocabulary::ordinaryHours() { return kOrdinaryHours; }
std::span<const unsigned, 24> TransactionVocabulary::fraudHours() { return kFraudHours; }

} // namespace loupe
