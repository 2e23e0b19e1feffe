// Person-name detection: the value shape (looksLikeName), the column-name hints, the column verdict, the
// scan's person_name findings and their masking, and the precision/recall that PersonNameDetector.h states,
// measured here on labelled columns (the simulator's transactions, the CEO example, name columns of varied
// shapes, and columns of other proper nouns) so that the header cannot claim more than this test shows.
#include "core/data/CsvReader.h"
#include "core/data/TransactionSimulator.h"
#include "core/data/TransactionVocabulary.h"
#include "core/privacy/ColumnNameHints.h"
#include "core/privacy/PersonNameDetector.h"
#include "core/privacy/PiiMasker.h"
#include "core/privacy/PiiScanner.h"
#include "core/privacy/TableMasking.h"

#include <QtTest>

#include <cmath>
#include <set>
#include <span>

using namespace loupe;

Q_DECLARE_METATYPE(loupe::PersonNameHint)

namespace {

Column textColumn(const std::string &name, const std::vector<std::string> &values)
{
    Column column(name, ColumnType::String);
    for (const std::string &value : values)
        column.appendString(value);
    return column;
}

std::vector<std::string> fromVocabulary(std::span<const std::string_view> words)
{
    return std::vector<std::string>(words.begin(), words.end());
}

// Real-world shapes of people's names, written for this test (all of them are names).
const std::vector<std::string> kVariedNames = {
    "Ann Lee",          "Mary-Jane O'Connor", "José García",         "Ludwig van Beethoven",
    "Nguyễn Văn An",    "Li Wei",             "John F. Kennedy",     "Smith, John",
    "Dr. Ana Costa",    "Martin Luther King Jr.", "Zoë Saldaña",    "Søren Kierkegaard",
    "Chloé Dubois",     "Björn Borg",         "Łukasz Nowak",        "Ronald McDonald",
    "Danny DeVito",     "Ngozi Okonjo-Iweala", "Oscar de la Hoya",   "Gabriel García Márquez",
    "J. R. R. Tolkien", "Mohammed bin Salman", "Aisha Al-Farsi",     "Kim Jong-un",
    "ANNA SCHMIDT",     "anna schmidt",       "Prof Emma Brown",     "Hans Müller-Lüdenscheidt",
    "Seán Ó Briain",    "Ms. Olivia Rossi",   "Pierre-Auguste Renoir", "Henry VIII",
    "Mary Smith 2",     "Smith, John, Jr.",   "Sarah O\u2019Neil",   "Catherine Zeta-Jones",
    "Juan Carlos de Borbón y Grecia", "A. Smith", "Jean Dupont",     "Wolfgang Amadeus Mozart",
};

const std::vector<std::string> kCities = {
    "New York",     "San Francisco", "Los Angeles", "Springfield", "St. Louis",   "Salt Lake City",
    "Rio de Janeiro", "Buenos Aires", "São Paulo",  "Kuala Lumpur", "Chicago",    "Hong Kong",
    "Cape Town",    "Mexico City",   "Tel Aviv",    "Las Vegas",   "New Delhi",   "Abu Dhabi",
    "Santa Fe",     "Port Moresby",
};

const std::vector<std::string> kProducts = {
    "Wireless Mouse", "Organic Green Tea", "USB-C Charger", "Stainless Steel Bottle", "Running Shoes",
    "Noise Cancelling Headphones", "Desk Lamp", "Yoga Mat", "Coffee Grinder", "Cast Iron Skillet",
    "Bluetooth Speaker", "Garden Hose", "Phone Case", "Winter Jacket", "Paper Towels",
    "LED Bulb 60W", "Office Chair", "Water Filter", "Dog Food 5kg", "Travel Backpack",
};

const std::vector<std::string> kNotes = {
    "Called the customer about a refund", "left a voicemail", "Delivered to the front desk",
    "Customer asked for a paper receipt", "Follow up next week", "OK", "Paid in two parts",
    "Address changed, see ticket", "Wrong size, exchanged", "No answer",
};

struct Tally {
    std::size_t truePositiveColumns = 0, falsePositiveColumns = 0, falseNegativeColumns = 0;
    std::size_t truePositiveCells = 0, falsePositiveCells = 0, falseNegativeCells = 0;
    QStringList flagged;
};

// Scans `table` and tallies its columns against the truth: `positives` hold person names in every cell.
void tally(const Table &table, const std::set<std::string> &positives, Tally &out)
{
    PiiScanOptions options;
    options.identifiers = IdentifierCheck::Skip;
    auto scanned = PiiScanner::scan(table, options);
    QVERIFY(scanned.isOk());
    for (const PiiColumnReport &column : scanned.value().columns) {
        const std::size_t found = column.counts[static_cast<std::size_t>(PiiKind::PersonName)];
        const Column &data = table.column(column.index);
        const std::size_t present = data.size() - data.missingCount();
        const bool positive = positives.count(column.name) > 0;
        if (found > 0)
            out.flagged << QString::fromStdString(column.name);
        if (positive) {
            (found > 0 ? out.truePositiveColumns : out.falseNegativeColumns) += 1;
            out.truePositiveCells += found;
            out.falseNegativeCells += present - found;
        } else {
            out.falsePositiveColumns += found > 0 ? 1 : 0;
            out.falsePositiveCells += found;
        }
    }
}

Table singleColumn(const std::string &name, const std::vector<std::string> &values)
{
    Table table;
    table.addColumn(textColumn(name, values));
    return table;
}

double ratio(std::size_t part, std::size_t whole)
{
    return whole == 0 ? 0.0 : double(part) / double(whole);
}

} // namespace

class TestPersonNameDetector : public QObject {
    Q_OBJECT

private slots:
    void looksLikeName_data();
    void looksLikeName();
    void columnNameHints_data();
    void columnNameHints();
    void verdictNeedsNameAndShape();
    void scanFindsSimulatorNames();
    void categoricalNames();
    void masking_data();
    void masking();
    void measuredPrecisionAndRecall();
};

void TestPersonNameDetector::looksLikeName_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<PersonNameHint>("hint");
    QTest::addColumn<bool>("name");
    const auto whole = PersonNameHint::WholeName;
    const auto part = PersonNameHint::NamePart;
    QTest::newRow("two words") << "Ann Lee" << whole << true;
    QTest::newRow("apostrophe") << "Liam O'Brien" << whole << true;
    QTest::newRow("umlaut") << "Zoe Müller" << whole << true;
    QTest::newRow("hyphen") << "Mary-Jane Smith-Jones" << whole << true;
    QTest::newRow("inner capital") << "Ronald McDonald" << whole << true;
    QTest::newRow("initial") << "John F. Kennedy" << whole << true;
    QTest::newRow("particles") << "Ludwig van Beethoven" << whole << true;
    QTest::newRow("title and suffix") << "Dr. Martin King Jr." << whole << true;
    QTest::newRow("last, first") << "Smith, John" << whole << true;
    QTest::newRow("four tokens") << "Gabriel José García Márquez" << whole << true;
    QTest::newRow("vietnamese") << "Nguyễn Văn An" << whole << true;
    QTest::newRow("five tokens") << "Anna Maria Luisa Sofia Rossi" << whole << false;
    QTest::newRow("one word") << "Madonna" << whole << false;
    QTest::newRow("initials only") << "J. R." << whole << false;
    QTest::newRow("lower case") << "ann lee" << whole << false;
    QTest::newRow("all capitals") << "ANN LEE" << whole << false;
    QTest::newRow("acronym") << "Blue ATM" << whole << false;
    QTest::newRow("digit") << "Ann Lee 2" << whole << false;
    QTest::newRow("double space") << "Ann  Lee" << whole << false;
    QTest::newRow("trailing space") << "Ann Lee " << whole << false;
    QTest::newRow("ampersand") << "Gas & Go" << whole << false;
    QTest::newRow("particle first") << "van Gogh" << whole << false;
    QTest::newRow("title late") << "Ann Dr Lee" << whole << false;
    QTest::newRow("empty") << "" << whole << false;
    QTest::newRow("sentence") << "Called the customer" << whole << false;
    QTest::newRow("city shape") << "New York" << whole << true; // the shape alone cannot tell
    QTest::newRow("part one word") << "Ann" << part << true;
    QTest::newRow("part particle first") << "van Gogh" << part << true;
    QTest::newRow("part two words") << "Mary Ann" << part << true;
    QTest::newRow("part four words") << "Ann Mary Jo Sue" << part << false;
    QTest::newRow("part comma") << "Smith, John" << part << false;
    QTest::newRow("part lower case") << "ann" << part << false;
}

void TestPersonNameDetector::looksLikeName()
{
    QFETCH(QString, value);
    QFETCH(PersonNameHint, hint);
    QFETCH(bool, name);
    QCOMPARE(PersonNameDetector::looksLikeName(value.toStdString(), hint), name);
}

void TestPersonNameDetector::columnNameHints_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<PersonNameHint>("hint");
    const auto whole = PersonNameHint::WholeName;
    const auto part = PersonNameHint::NamePart;
    const auto none = PersonNameHint::None;
    QTest::newRow("name") << "name" << whole;
    QTest::newRow("Name") << "Name" << whole;
    QTest::newRow("full_name") << "full_name" << whole;
    QTest::newRow("customer_name") << "customer_name" << whole;
    QTest::newRow("customerName") << "customerName" << whole;
    QTest::newRow("CUSTOMER_NAME") << "CUSTOMER_NAME" << whole;
    QTest::newRow("ceo_name") << "ceo_name" << whole;
    QTest::newRow("card_holder_name") << "card_holder_name" << whole;
    QTest::newRow("cardholder") << "cardholder" << whole;
    QTest::newRow("fullname") << "fullname" << whole;
    QTest::newRow("first_name") << "first_name" << part;
    QTest::newRow("FirstName") << "FirstName" << part;
    QTest::newRow("last_name") << "last_name" << part;
    QTest::newRow("surname") << "surname" << part;
    QTest::newRow("given-name") << "given-name" << part;
    QTest::newRow("lname") << "lname" << part;
    QTest::newRow("product_name") << "product_name" << none;
    QTest::newRow("city_name") << "city_name" << none;
    QTest::newRow("merchant_name") << "merchant_name" << none;
    QTest::newRow("file_name") << "file_name" << none;
    QTest::newRow("card_name") << "card_name" << none;
    QTest::newRow("name_id") << "name_id" << none;
    QTest::newRow("customer_id") << "customer_id" << none;
    QTest::newRow("holder") << "holder" << none;
    QTest::newRow("namespace") << "namespace" << none;
}

void TestPersonNameDetector::columnNameHints()
{
    QFETCH(QString, column);
    QFETCH(PersonNameHint, hint);
    QCOMPARE(ColumnNameHints::fromName(column.toStdString()).personName, hint);
}

void TestPersonNameDetector::verdictNeedsNameAndShape()
{
    const Column names = textColumn("customer_name", {"Ann Lee", "Bob Ray", "Cy Dot", "n/a", "Di Fox"});
    const PersonNameVerdict verdict = PersonNameDetector::judge(names, ColumnNameHints::fromName(names.name()));
    QVERIFY(verdict.personName);
    QCOMPARE(verdict.checked, std::size_t(5));
    QCOMPARE(verdict.share, 0.8);
    QCOMPARE(verdict.reason, std::string("named like a person's name; 80% of 5 sampled values look like one"));
    // The same values without a name hint, and a name hint over values of another shape.
    const Column unnamed = textColumn("holder", {"Ann Lee", "Bob Ray"});
    QVERIFY(!PersonNameDetector::judge(unnamed, ColumnNameHints::fromName("holder")).personName);
    const Column codes = textColumn("name", {"AB-1", "AB-2", "Ann Lee"});
    QVERIFY(!PersonNameDetector::judge(codes, ColumnNameHints::fromName("name")).personName);
    // Below the share: 2 of 3.
    const Column mixed = textColumn("name", {"Ann Lee", "Bob Ray", "x"});
    QVERIFY(!PersonNameDetector::judge(mixed, ColumnNameHints::fromName("name")).personName);
}

void TestPersonNameDetector::scanFindsSimulatorNames()
{
    SimulationOptions options;
    options.rows = 2000;
    const Table table = TransactionSimulator(options).generate();
    auto scanned = PiiScanner::scan(table, PiiScanOptions{});
    QVERIFY(scanned.isOk());
    const PiiScanReport &report = scanned.value();
    const std::size_t index = *table.indexOf("customer_name");
    const PiiColumnReport &names = report.columns[index];
    QCOMPARE(names.counts[static_cast<std::size_t>(PiiKind::PersonName)], std::size_t(2000));
    QCOMPARE(names.cellsWithPii, std::size_t(2000));
    QVERIFY(!names.personNameReason.empty());
    QCOMPARE(names.examples.size(), std::size_t(3));
    QVERIFY(names.examples[0].find('*') != std::string::npos);
    for (const PiiColumnReport &column : report.columns)
        if (column.index != index)
            QCOMPARE(column.counts[static_cast<std::size_t>(PiiKind::PersonName)], std::size_t(0));
    const auto first = std::find_if(report.findings.begin(), report.findings.end(),
                                    [&](const PiiFinding &f) { return f.kind == PiiKind::PersonName; });
    QVERIFY(first != report.findings.end());
    QCOMPARE(first->column, index);
    QCOMPARE(first->offset, std::uint32_t(0));
    QCOMPARE(std::size_t(first->length), table.column(index).stringAt(first->row).size());
}

void TestPersonNameDetector::categoricalNames()
{
    auto read = CsvReader(CsvOptions{.typeOverrides = {{"name", ColumnType::Categorical}}})
                    .readBuffer("name,n\nAnn Lee,1\nBob Ray,2\nAnn Lee,3\nx1,4\n");
    QVERIFY(read.isOk());
    auto scanned = PiiScanner::scan(read.value().table, PiiScanOptions{});
    QVERIFY(scanned.isOk());
    QCOMPARE(scanned.value().columns[0].counts[static_cast<std::size_t>(PiiKind::PersonName)], std::size_t(3));
}

void TestPersonNameDetector::masking_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("masked");
    QTest::newRow("two words") << "Ann Lee" << "A** L**";
    QTest::newRow("apostrophe") << "Liam O'Brien" << "L*** O******";
    QTest::newRow("utf-8 first") << "Łukasz Müller" << "Ł***** M*****";
}

void TestPersonNameDetector::masking()
{
    QFETCH(QString, value);
    QFETCH(QString, masked);
    QCOMPARE(QString::fromStdString(PiiMasker::mask(PiiKind::PersonName, value.toStdString())), masked);
    QCOMPARE(QString::fromStdString(TableMasking::maskFindings(value.toStdString(), "customer_name")), masked);
    QCOMPARE(QString::fromStdString(TableMasking::maskFindings(value.toStdString(), "merchant")), value);
}

// The figures PersonNameDetector.h states. Positives hold a person's name in every cell. The simulator's
// 10,000 rows are tallied apart, so that its easy names do not drown the harder columns' cell figures.
void TestPersonNameDetector::measuredPrecisionAndRecall()
{
    SimulationOptions options;
    options.rows = 10000;
    options.seed = 42;
    const Table simulated = TransactionSimulator(options).generate();
    Tally simulator;
    tally(simulated, {"customer_name"}, simulator);
    QCOMPARE(simulator.flagged, QStringList{QStringLiteral("customer_name")});
    QCOMPARE(simulator.truePositiveCells, std::size_t(10000));
    QCOMPARE(simulator.falseNegativeCells + simulator.falsePositiveCells, std::size_t(0));

    Tally others;
    auto ceo = CsvReader().readFile(LOUPE_SOURCE_DIR "/resources/examples/ceo/ceo.csv");
    QVERIFY(ceo.isOk());
    tally(ceo.value().table, {"ceo_name"}, others);
    tally(singleColumn("first_name", fromVocabulary(TransactionVocabulary::firstNames())), {"first_name"}, others);
    tally(singleColumn("last_name", fromVocabulary(TransactionVocabulary::lastNames())), {"last_name"}, others);
    tally(singleColumn("full_name", kVariedNames), {"full_name"}, others);
    tally(singleColumn("holder", kVariedNames), {"holder"}, others);
    tally(singleColumn("city", kCities), {}, others);
    tally(singleColumn("name", kCities), {}, others);
    tally(singleColumn("product_name", kProducts), {}, others);
    tally(singleColumn("name", kProducts), {}, others);
    std::vector<std::string> merchants;
    const Column &merchant = simulated.column(*simulated.indexOf("merchant"));
    for (std::size_t row = 0; row < 200; ++row)
        merchants.emplace_back(merchant.stringAt(row));
    tally(singleColumn("merchant_name", merchants), {}, others);
    tally(singleColumn("notes", kNotes), {}, others);

    const std::size_t columns = simulated.columnCount() + ceo.value().table.columnCount() + 10;
    const std::size_t truePositiveColumns = simulator.truePositiveColumns + others.truePositiveColumns;
    const std::size_t falsePositiveColumns = simulator.falsePositiveColumns + others.falsePositiveColumns;
    const std::size_t falseNegativeColumns = simulator.falseNegativeColumns + others.falseNegativeColumns;
    qInfo("%zu columns; flagged: %s, %s", columns, qPrintable(simulator.flagged.join(QStringLiteral(", "))),
          qPrintable(others.flagged.join(QStringLiteral(", "))));
    qInfo("columns: TP %zu FP %zu FN %zu -> precision %.3f recall %.3f", truePositiveColumns, falsePositiveColumns,
          falseNegativeColumns, ratio(truePositiveColumns, truePositiveColumns + falsePositiveColumns),
          ratio(truePositiveColumns, truePositiveColumns + falseNegativeColumns));
    qInfo("cells outside the simulator: TP %zu FP %zu FN %zu -> precision %.3f recall %.3f", others.truePositiveCells,
          others.falsePositiveCells, others.falseNegativeCells,
          ratio(others.truePositiveCells, others.truePositiveCells + others.falsePositiveCells),
          ratio(others.truePositiveCells, others.truePositiveCells + others.falseNegativeCells));
    // As stated in PersonNameDetector.h.
    QCOMPARE(columns, std::size_t(24));
    QCOMPARE(truePositiveColumns, std::size_t(5));
    QCOMPARE(falsePositiveColumns, std::size_t(2)); // the two bare "name" columns of cities and of products
    QCOMPARE(falseNegativeColumns, std::size_t(1)); // "holder": no name hint
    QCOMPARE(others.truePositiveCells, std::size_t(156));
    QCOMPARE(others.falsePositiveCells, std::size_t(34));
    QCOMPARE(others.falseNegativeCells, std::size_t(45)); // holder's 40, and 5 of full_name's 40
}

QTEST_APPLESS_MAIN(TestPersonNameDetector)
#include "tst_personnamedetector.moc"
