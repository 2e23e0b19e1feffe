// The Data page end to end (offscreen): load a CSV fixture through the page's job, check the view,
// the column panel and its plot; a bad file names line and column; Cancel stops a large load.

#include "ui/common/DatasetSession.h"
#include "ui/data/TableModel.h"
#include "ui/data/ColumnPanel.h"
#include "ui/data/DataPage.h"
#include "ui/common/HistogramPlot.h"

#include "jobs/JobRunner.h"

#include <QFile>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace loupe;

namespace {

constexpr int kLoadTimeoutMs = 20000;

QString fixture(const char *name)
{
    return QStringLiteral(LOUPE_FIXTURES_DIR "/ui/") + QLatin1String(name);
}

} // namespace

class TestDataPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void loadsFixtureIntoView();
    void columnPanelShowsStatistics();
    void categoryColumnShowsTopValues();
    void badCsvNamesLineAndColumn();
    void describeLoadError();
    void cancelStopsLoading();

private:
    void loadPeople();

    JobRunner *m_runner = nullptr;
    DatasetSession *m_session = nullptr;
    DataPage *m_page = nullptr;
};

void TestDataPage::init()
{
    m_runner = new JobRunner;
    m_session = new DatasetSession;
    m_page = new DataPage(PageContext{m_runner, m_session, QString()});
    m_page->resize(1200, 700);
    m_page->show();
}

void TestDataPage::cleanup()
{
    delete m_page;
    delete m_runner;
    delete m_session;
}

void TestDataPage::loadPeople()
{
    QSignalSpy finished(m_page, &DataPage::loadFinished);
    QSignalSpy failed(m_page, &DataPage::loadFailed);
    m_page->loadFile(fixture("people.csv"));
    QVERIFY(m_page->isLoading());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, kLoadTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(m_page->messageText()));
    QVERIFY(!m_page->isLoading());
}

void TestDataPage::loadsFixtureIntoView()
{
    loadPeople();
    QAbstractItemModel *model = m_page->tableView()->model();
    QCOMPARE(model, m_page->tableModel());
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(model->columnCount(), 6);
    QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("Ada"));
    QCOMPARE(model->index(2, 1).data().toString(), QStringLiteral("Chloé"));
    QCOMPARE(model->index(0, 2).data().toString(), QStringLiteral("1.7"));
    QCOMPARE(model->index(1, 2).data().toString(), TableModel::missingText());
    QCOMPARE(model->index(1, 2).data(TableModel::MissingRole).toBool(), true);
    QCOMPARE(model->index(3, 4).data().toString(), QStringLiteral("2022-01-02"));
    QCOMPARE(model->headerData(2, Qt::Horizontal).toString(), QStringLiteral("height\nfloat64"));
    QCOMPARE(model->headerData(3, Qt::Horizontal).toString(), QStringLiteral("active\nbool"));
    QVERIFY2(m_page->summaryText().contains(QStringLiteral("5 rows × 6 columns")), qPrintable(m_page->summaryText()));
    QVERIFY(m_page->messageText().isEmpty());
    QVERIFY(m_session->hasDataset());
    QCOMPARE(m_session->current().table->rowCount(), std::size_t(5));
    QVERIFY(!m_page->findChild<QProgressBar *>(QStringLiteral("loadProgress"))->isVisible());
}

void TestDataPage::columnPanelShowsStatistics()
{
    QSignalSpy shown(m_page, &DataPage::columnStatsShown);
    loadPeople();
    // The first column is selected after a load.
    QTRY_COMPARE(shown.count(), 1);
    QCOMPARE(shown.at(0).at(0).toInt(), 0);
    ColumnPanel *panel = m_page->columnPanel();
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Name), QStringLiteral("id"));
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Type), QStringLiteral("int64"));
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Rows), QStringLiteral("5"));
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Missing), QStringLiteral("0 (0.0 %)"));
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Distinct), QStringLiteral("5"));
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Min), QStringLiteral("1"));
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Max), QStringLiteral("5"));
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Mean), QStringLiteral("3"));
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Std), QStringLiteral("1.581139"));

    m_page->selectColumn(2);
    QTRY_COMPARE(shown.count(), 2);
    QCOMPARE(shown.at(1).at(0).toInt(), 2);
    QCOMPARE(m_page->tableView()->currentIndex().column(), 2);
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Type), QStringLiteral("float64"));
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Missing), QStringLiteral("1 (20.0 %)"));
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Min), QStringLiteral("1.65"));
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Max), QStringLiteral("1.82"));
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Mean), QStringLiteral("1.73"));
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Std), QStringLiteral("0.0725718"));
    QCOMPARE(panel->plot()->kind(), HistogramPlot::Kind::Histogram);
    QVERIFY(panel->plot()->barCount() > 0);
    QVERIFY(panel->plot()->dataAsCsv().startsWith(QStringLiteral("lower,upper,count\n")));

    m_page->selectColumn(4); // dates: min/max as dates, histogram on a date axis
    QTRY_COMPARE(shown.count(), 3);
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Type), QStringLiteral("datetime"));
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Min), QStringLiteral("2021-03-04"));
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Max), QStringLiteral("2022-07-08"));
    QCOMPARE(panel->plot()->kind(), HistogramPlot::Kind::Histogram);

    m_page->selectColumn(0); // cached: shown again without a new job
    QTRY_COMPARE(shown.count(), 4);
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Name), QStringLiteral("id"));
}

void TestDataPage::categoryColumnShowsTopValues()
{
    QSignalSpy shown(m_page, &DataPage::columnStatsShown);
    loadPeople();
    QTRY_COMPARE(shown.count(), 1);
    m_page->selectColumn(5);
    QTRY_COMPARE(shown.count(), 2);
    ColumnPanel *panel = m_page->columnPanel();
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Distinct), QStringLiteral("3"));
    QCOMPARE(panel->fieldText(ColumnPanel::Field::Min), QStringLiteral("—")); // not numeric
    QCOMPARE(panel->plot()->kind(), HistogramPlot::Kind::TopValues);
    QCOMPARE(panel->plot()->barCount(), 3);
    QVERIFY2(panel->plot()->dataAsCsv().startsWith(QStringLiteral("value,count\nred,3\n")),
             qPrintable(panel->plot()->dataAsCsv()));
}

void TestDataPage::badCsvNamesLineAndColumn()
{
    QSignalSpy failed(m_page, &DataPage::loadFailed);
    m_page->loadFile(fixture("bad_field_count.csv"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kLoadTimeoutMs);
    const QString message = m_page->messageText();
    QVERIFY2(message.contains(QStringLiteral("bad_field_count.csv")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Line 4, column 3")), qPrintable(message));
    QVERIFY(m_page->findChild<QWidget *>(QStringLiteral("loadMessage"))->isVisible());
    QCOMPARE(m_page->tableModel()->rowCount(), 0);
    QVERIFY(!m_page->isLoading());
    QVERIFY(!m_session->hasDataset());
}

void TestDataPage::describeLoadError()
{
    QCOMPARE(DataPage::describeLoadError(QStringLiteral("/tmp/a:b.csv:12:3: row has 4 fields")),
             QStringLiteral("Line 12, column 3: row has 4 fields"));
    QCOMPARE(DataPage::describeLoadError(QStringLiteral("/tmp/x.csv: the file is empty")),
             QStringLiteral("/tmp/x.csv: the file is empty"));
}

void TestDataPage::cancelStopsLoading()
{
    // Large enough that reading takes far longer than the click that cancels it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("large.csv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray chunk = "id,amount,label,when\n";
        for (int i = 0; i < 400000; ++i) {
            chunk += QByteArray::number(i) + ',' + QByteArray::number(i * 0.25) + ",label" + QByteArray::number(i % 97)
                + ",2024-01-" + QByteArray::number(1 + i % 28).rightJustified(2, '0') + '\n';
            if (chunk.size() > (1 << 20)) {
                file.write(chunk);
                chunk.clear();
            }
        }
        file.write(chunk);
    }
    QSignalSpy cancelled(m_page, &DataPage::loadCancelled);
    QSignalSpy finished(m_page, &DataPage::loadFinished);
    QSignalSpy ended(m_runner, &JobRunner::runEnded);
    m_page->loadFile(path);
    auto *cancel = m_page->findChild<QPushButton *>(QStringLiteral("cancelLoad"));
    QVERIFY(cancel->isVisible());
    QVERIFY(m_page->findChild<QProgressBar *>(QStringLiteral("loadProgress"))->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);

    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!m_page->isLoading());
    QVERIFY(!cancel->isVisible());
    QVERIFY2(m_page->messageText().contains(QStringLiteral("cancelled")), qPrintable(m_page->messageText()));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kLoadTimeoutMs); // the job thread has stopped
    QCoreApplication::processEvents();
    QCOMPARE(finished.count(), 0);                // and no late result replaced the cancel
    QCOMPARE(m_page->tableModel()->rowCount(), 0);
    QCOMPARE(cancelled.count(), 1);
}

QTEST_MAIN(TestDataPage)
#include "tst_datapage.moc"
