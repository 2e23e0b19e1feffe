// TableModel over a small hand-built table: structure checked by QAbstractItemModelTester,
// then texts, typed values, missing cells, alignment and headers role by role.

#include "ui/data/TableModel.h"

#include "core/data/DateTime.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace loupe;

namespace {

std::shared_ptr<const Table> makeTable()
{
    auto table = std::make_shared<Table>();
    Column id("id", ColumnType::Int64);
    id.appendInt(1);
    id.appendMissing();
    id.appendInt(-30);
    Column x("x", ColumnType::Float64);
    x.appendDouble(0.1);
    x.appendDouble(2.0);
    x.appendMissing();
    Column flag("flag", ColumnType::Bool);
    flag.appendInt(1);
    flag.appendInt(0);
    flag.appendMissing();
    Column when("when", ColumnType::DateTime);
    when.appendInt(daysFromCivil(2021, 3, 4) * kNanosPerDay);
    when.appendMissing();
    when.appendInt(daysFromCivil(2021, 3, 4) * kNanosPerDay + (5 * 3600 + 6 * 60 + 7) * kNanosPerSecond);
    Column name("name", ColumnType::String);
    name.appendString("Chloé");
    name.appendString(std::string(80, 'z'));
    name.appendMissing();
    Column team("team", ColumnType::Categorical);
    const std::int32_t red = team.addCategory("red");
    const std::int32_t blue = team.addCategory("blue");
    team.appendCategoryCode(red);
    team.appendCategoryCode(blue);
    team.appendCategoryCode(red);
    for (Column *column : {&id, &x, &flag, &when, &name, &team})
        table->addColumn(std::move(*column));
    return table;
}

} // namespace

class TestTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void shape();
    void displayText_data();
    void displayText();
    void missingCells();
    void typedValues();
    void alignment();
    void headers();
    void longStringTooltip();
    void resetToEmpty();
    void rowOrderMapsViewRowsToTableRows();

private:
    TableModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestTableModel::init()
{
    m_model = new TableModel;
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setTable(makeTable());
}

void TestTableModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestTableModel::shape()
{
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->columnCount(), 6);
    QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 0); // a table has no children
    QVERIFY(m_model->flags(m_model->index(0, 0)).testFlag(Qt::ItemIsSelectable));
    QVERIFY(!m_model->flags(m_model->index(0, 0)).testFlag(Qt::ItemIsEditable));
}

void TestTableModel::displayText_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::newRow("int") << 0 << 0 << "1";
    QTest::newRow("negative int") << 2 << 0 << "-30";
    QTest::newRow("float shortest round-trip") << 0 << 1 << "0.1";
    QTest::newRow("integral float") << 1 << 1 << "2";
    QTest::newRow("bool true") << 0 << 2 << "true";
    QTest::newRow("bool false") << 1 << 2 << "false";
    QTest::newRow("date") << 0 << 3 << "2021-03-04";
    QTest::newRow("date and time") << 2 << 3 << "2021-03-04 05:06:07";
    QTest::newRow("utf-8 string") << 0 << 4 << QStringLiteral("Chloé");
    QTest::newRow("category") << 1 << 5 << "blue";
}

void TestTableModel::displayText()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, text);
    QCOMPARE(m_model->data(m_model->index(row, column)).toString(), text);
    QCOMPARE(m_model->cellText(row, column), text);
    QCOMPARE(m_model->data(m_model->index(row, column), TableModel::MissingRole).toBool(), false);
    QVERIFY(!m_model->data(m_model->index(row, column), Qt::ForegroundRole).isValid());
}

void TestTableModel::missingCells()
{
    const QList<QModelIndex> missing{m_model->index(1, 0), m_model->index(2, 1), m_model->index(2, 2),
                                     m_model->index(1, 3), m_model->index(2, 4)};
    for (const QModelIndex &index : missing) {
        QCOMPARE(index.data().toString(), TableModel::missingText());
        QCOMPARE(index.data(TableModel::MissingRole).toBool(), true);
        QCOMPARE(index.data(Qt::ToolTipRole).toString(), QStringLiteral("missing value"));
        QCOMPARE(index.data(Qt::ForegroundRole).value<QColor>(), QColor(Qt::gray));
        QVERIFY(!index.data(Qt::EditRole).isValid());
    }
}

void TestTableModel::typedValues()
{
    QCOMPARE(m_model->index(2, 0).data(Qt::EditRole).toLongLong(), -30);
    QCOMPARE(m_model->index(0, 0).data(Qt::EditRole).typeId(), QMetaType::LongLong);
    QCOMPARE(m_model->index(0, 1).data(Qt::EditRole).toDouble(), 0.1);
    QCOMPARE(m_model->index(0, 2).data(Qt::EditRole).typeId(), QMetaType::Bool);
    const QDateTime when = m_model->index(2, 3).data(Qt::EditRole).toDateTime();
    QCOMPARE(when.toUTC().toString(Qt::ISODate), QStringLiteral("2021-03-04T05:06:07Z"));
    QCOMPARE(m_model->index(0, 5).data(Qt::EditRole).toString(), QStringLiteral("red"));
}

void TestTableModel::alignment()
{
    const auto alignmentOf = [this](int column) {
        return m_model->index(0, column).data(Qt::TextAlignmentRole).value<Qt::Alignment>();
    };
    QVERIFY(alignmentOf(0) & Qt::AlignRight);
    QVERIFY(alignmentOf(1) & Qt::AlignRight);
    QVERIFY(alignmentOf(3) & Qt::AlignRight);
    QVERIFY(alignmentOf(2) & Qt::AlignHCenter);
    QVERIFY(alignmentOf(4) & Qt::AlignLeft);
    QVERIFY(alignmentOf(5) & Qt::AlignLeft);
}

void TestTableModel::headers()
{
    QCOMPARE(m_model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("id\nint64"));
    QCOMPARE(m_model->headerData(3, Qt::Horizontal).toString(), QStringLiteral("when\ndatetime"));
    QCOMPARE(m_model->headerData(5, Qt::Horizontal, TableModel::ColumnTypeRole).toString(), QStringLiteral("categorical"));
    QCOMPARE(m_model->headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString(),
             QStringLiteral("x (float64): 1 missing of 3 rows"));
    // Rows are numbered from 0, as the check and PII reports number them.
    QCOMPARE(m_model->headerData(0, Qt::Vertical).toString(), QStringLiteral("0"));
    QCOMPARE(m_model->headerData(2, Qt::Vertical).toString(), QStringLiteral("2"));
    QVERIFY(!m_model->headerData(6, Qt::Horizontal).isValid());
    QVERIFY(!m_model->headerData(3, Qt::Vertical).isValid());
}

void TestTableModel::longStringTooltip()
{
    QCOMPARE(m_model->index(1, 4).data(Qt::ToolTipRole).toString(), QString(80, QLatin1Char('z')));
    QVERIFY(!m_model->index(0, 4).data(Qt::ToolTipRole).isValid()); // short text: no tooltip
}

void TestTableModel::resetToEmpty()
{
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_model->setTable(nullptr);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), 0);
    QVERIFY(!m_model->headerData(0, Qt::Horizontal).isValid());
    m_model->setTable(makeTable());
    QCOMPARE(m_model->rowCount(), 3);
}

// A sorted/filtered order: view rows show the ordered table rows, keep their data-row numbers, and
// highlights (kept in table rows) follow the data.
void TestTableModel::rowOrderMapsViewRowsToTableRows()
{
    m_model->highlightCells({}, {0});
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_model->setRowOrder(std::make_shared<const std::vector<std::size_t>>(std::vector<std::size_t>{2, 0}));
    QCOMPARE(reset.count(), 1);
    QVERIFY(m_model->hasRowOrder());
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("-30"));
    QCOMPARE(m_model->index(1, 4).data().toString(), QStringLiteral("Chloé"));
    QCOMPARE(m_model->index(0, 4).data(TableModel::MissingRole).toBool(), true);
    QCOMPARE(m_model->headerData(0, Qt::Vertical).toString(), QStringLiteral("2"));
    QCOMPARE(m_model->headerData(1, Qt::Vertical).toString(), QStringLiteral("0"));
    QCOMPARE(m_model->tableRow(0), std::size_t(2));
    QCOMPARE(m_model->viewRow(0), 1);
    QCOMPARE(m_model->viewRow(1), -1); // filtered out
    QCOMPARE(m_model->viewRow(2), 0);
    QCOMPARE(m_model->viewRow(3), -1); // no such row
    QVERIFY(m_model->isHighlighted(1, 3));
    QVERIFY(!m_model->isHighlighted(0, 3));

    m_model->setRowOrder(nullptr);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->viewRow(1), 1);
    QVERIFY(m_model->isHighlighted(0, 3));
    m_model->setTable(makeTable()); // a new table starts in table order
    QVERIFY(!m_model->hasRowOrder());
}

QTEST_MAIN(TestTableModel)
#include "tst_tablemodel.moc"
