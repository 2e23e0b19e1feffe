// PersonNameDetector: a column is taken as person names only when its name says so
// (ColumnNameHints::personName) and most sampled cells are shaped like names.

#include "core/privacy/ColumnNameHints.h"
#include "core/privacy/PersonNameDetector.h"

#include <QtTest>

using namespace loupe;

namespace {

Column textColumn(const std::string &name, const std::vector<std::string> &values)
{
    Column column(name, ColumnType::String);
    for (const std::string &value : values)
        column.appendString(value);
    return column;
}

} // namespace

class TestPersonNameDetector : public QObject {
    Q_OBJECT

private slots:
    void nameShape_data();
    void nameShape();
    void columnNames_data();
    void columnNames();
    void judgeNeedsNameAndShape_data();
    void judgeNeedsNameAndShape();
};

void TestPersonNameDetector::nameShape_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("name");
    QTest::newRow("first last") << "Eve Smith" << true;
    QTest::newRow("apostrophe and hyphen") << "Anne-Marie O'Neil" << true;
    QTest::newRow("utf-8 letters") << QString::fromUtf8("J\xc3\xbcrgen M\xc3\xbcller") << true;
    QTest::newRow("one word") << "Madonna" << true;
    QTest::newRow("lower case") << "eve smith" << false;
    QTest::newRow("an initial") << "J. Smith" << false;
    QTest::newRow("digits") << "Eve Smith 2" << false;
    QTest::newRow("five words") << "Ana Bea Cid Dan Eva" << false;
    QTest::newRow("double space") << "Eve  Smith" << false;
    QTest::newRow("empty") << "" << false;
}

void TestPersonNameDetector::nameShape()
{
    QFETCH(QString, text);
    QFETCH(bool, name);
    QCOMPARE(PersonNameDetector::looksLikeName(text.toStdString()), name);
}

void TestPersonNameDetector::columnNames_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<bool>("personName");
    QTest::newRow("customer_name") << "customer_name" << true;
    QTest::newRow("firstName") << "firstName" << true;
    QTest::newRow("card-holder-name") << "card-holder-name" << true;
    QTest::newRow("surname") << "surname" << true;
    QTest::newRow("bare name") << "name" << false;
    QTest::newRow("product_name") << "product_name" << false;
    QTest::newRow("merchant") << "merchant" << false;
}

void TestPersonNameDetector::columnNames()
{
    QFETCH(QString, column);
    QFETCH(bool, personName);
    QCOMPARE(ColumnNameHints::fromName(column.toStdString()).personName, personName);
}

void TestPersonNameDetector::judgeNeedsNameAndShape_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<bool>("personNames");
    const QStringList names{"Eve Smith", "Ines Haddad", "Bob Silva", "Grace Novak", "Eve Smith"};
    QTest::newRow("named and shaped") << "customer_name" << names << true;
    QTest::newRow("shaped, not named") << "merchant" << names << false;
    QTest::newRow("named, not shaped") << "customer_name" << QStringList{"c-1", "c-2", "c-3", "c-4", "c-5"} << false;
    QTest::newRow("mostly shaped") << "last_name" << QStringList{"Smith", "Haddad", "Silva", "Novak", "x"} << true;
}

void TestPersonNameDetector::judgeNeedsNameAndShape()
{
    QFETCH(QString, column);
    QFETCH(QStringList, values);
    QFETCH(bool, personNames);
    std::vector<std::string> cells;
    for (const QString &value : values)
        cells.push_back(value.toStdString());
    const PersonNameVerdict verdict = PersonNameDetector::judge(textColumn(column.toStdString(), cells));
    QCOMPARE(verdict.personNames, personNames);
    const bool named = ColumnNameHints::fromName(column.toStdString()).personName;
    QCOMPARE(verdict.sampled, named ? std::size_t(cells.size()) : std::size_t(0)); // no look without the name
    QCOMPARE(verdict.reason.empty(), !personNames);
}

QTEST_APPLESS_MAIN(TestPersonNameDetector)
#include "tst_personnamedetector.moc"
