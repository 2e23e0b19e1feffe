// The Privacy page offscreen: a scan of the current dataset fills the per-column results (kinds with
// counts, identifier flag, masked examples) and the findings list, selecting a column filters the
// findings, k-anonymity of chosen columns is audited in the background, a cleaned CSV is saved with
// dropped and masked columns, a new dataset clears the results, and the models pass QAbstractItemModelTester.
#include "ui/common/DatasetSession.h"
#include "ui/privacy/PiiColumnModel.h"
#include "ui/privacy/PiiFindingModel.h"
#include "ui/privacy/KAnonymityPanel.h"
#include "ui/privacy/PrivacyPage.h"

#include "jobs/JobRunner.h"
#include "core/data/CsvReader.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace loupe;

namespace {

const char *kPeople = "customer_id,name,zip,age,date_of_birth,memo\n"
                      "1001,Ann Lee,10001,30,1985-03-02,call (212) 555-0123\n"
                      "1002,Bob Ray,10001,30,1990-07-14,card 4111 1111 1111 1111 declined\n"
                      "1003,Cy Dot,10002,40,1979-12-31,ok\n"
                      "1004,Di Fox,10002,40,1966-01-01,SSN 536-22-1097 on file\n"
                      "1005,Ed Gil,10003,50,1971-05-05,mail ed.gil@example.com\n";

int rowOf(const PiiColumnModel &model, const QString &name)
{
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, PiiColumnModel::NameColumn).data().toString() == name)
            return r;
    return -1;
}

} // namespace

class TestPrivacyPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void scanFillsColumnsAndFindings();
    void selectingColumnFiltersFindings();
    void kAnonymityAudit();
    void saveCleanedCsv();
    void newDatasetClearsResults();
    void scanButtonNeedsDataset();
    void headersFitBeforeScan_data();
    void headersFitBeforeScan();

private:
    LoadedTable load(const QString &path);
    void scanAndWait();

    QTemporaryDir m_dir;
    JobRunner *m_runner = nullptr;
    DatasetSession *m_session = nullptr;
    PrivacyPage *m_page = nullptr;
};

void TestPrivacyPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile file(m_dir.filePath(QStringLiteral("people.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kPeople);
}

LoadedTable TestPrivacyPage::load(const QString &path)
{
    auto report = CsvReader().readFile(path.toStdString());
    if (!report.isOk())
        qFatal("%s", report.message().c_str());
    LoadedTable loaded;
    loaded.table = std::make_shared<const Table>(report.takeValue().table);
    loaded.path = path;
    return loaded;
}

void TestPrivacyPage::init()
{
    m_runner = new JobRunner;
    m_session = new DatasetSession;
    const QString workspace = m_dir.filePath(QStringLiteral("%1.sqlite").arg(QTest::currentTestFunction()));
    m_page = new PrivacyPage(PageContext{m_runner, m_session, workspace});
    new QAbstractItemModelTester(m_page->columnModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_page);
    new QAbstractItemModelTester(m_page->findingModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_page);
    m_page->resize(1300, 800);
    m_page->show();
    m_session->setCurrent(load(m_dir.filePath(QStringLiteral("people.csv"))));
}

void TestPrivacyPage::cleanup()
{
    delete m_page;
    delete m_runner;
    delete m_session;
}

void TestPrivacyPage::scanAndWait()
{
    QSignalSpy finished(m_page, &PrivacyPage::scanFinished);
    m_page->scan();
    QVERIFY(m_page->isScanning());
    QVERIFY(finished.wait(30000));
    QVERIFY(!m_page->isScanning());
}

void TestPrivacyPage::scanFillsColumnsAndFindings()
{
    scanAndWait();
    const PiiColumnModel &columns = *m_page->columnModel();
    QCOMPARE(columns.rowCount(), 6);
    const int memo = rowOf(columns, QStringLiteral("memo"));
    QCOMPARE(columns.index(memo, PiiColumnModel::KindsColumn).data().toString(),
             QStringLiteral("ssn 1, credit_card 1, email 1, phone 1"));
    QCOMPARE(columns.index(memo, PiiColumnModel::CellsColumn).data().toULongLong(), 4ULL);
    const QString examples = columns.index(memo, PiiColumnModel::ExamplesColumn).data().toString();
    QVERIFY2(examples.contains(QStringLiteral("(***) ***-0123")), qPrintable(examples));
    QVERIFY(!examples.contains(QStringLiteral("4111 1111 1111 1111")));
    const int birth = rowOf(columns, QStringLiteral("date_of_birth"));
    QCOMPARE(columns.index(birth, PiiColumnModel::KindsColumn).data().toString(), QStringLiteral("birth_date 5"));
    const int id = rowOf(columns, QStringLiteral("customer_id"));
    QCOMPARE(columns.index(id, PiiColumnModel::IdentifierColumn).data().toString(), QStringLiteral("yes"));
    QCOMPARE(columns.index(rowOf(columns, QStringLiteral("zip")), PiiColumnModel::IdentifierColumn).data().toString(),
             QString());
    // Issue 14, item 7: the name column holds person names, a kind of its own.
    const int name = rowOf(columns, QStringLiteral("name"));
    QCOMPARE(columns.index(name, PiiColumnModel::KindsColumn).data().toString(), QStringLiteral("person_name 5"));
    QVERIFY(!columns.index(name, PiiColumnModel::KindsColumn).data(Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(m_page->findingModel()->rowCount(), 14); // 9 + the 5 names
    QVERIFY2(m_page->summaryText().contains(QStringLiteral("14 finding")), qPrintable(m_page->summaryText()));
    QVERIFY2(m_page->messageText().contains(QStringLiteral("Stored as scan run")), qPrintable(m_page->messageText()));
}

void TestPrivacyPage::selectingColumnFiltersFindings()
{
    scanAndWait();
    const int memo = rowOf(*m_page->columnModel(), QStringLiteral("memo"));
    m_page->columnView()->selectionModel()->select(m_page->columnModel()->index(memo, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    PiiFindingModel &findings = *m_page->findingModel();
    QCOMPARE(findings.rowCount(), 4);
    QCOMPARE(findings.index(0, PiiFindingModel::RowColumn).data().toULongLong(), 0ULL);
    QCOMPARE(findings.index(3, PiiFindingModel::RowColumn).data().toULongLong(), 4ULL);
    QCOMPARE(findings.index(3, PiiFindingModel::KindColumn).data().toString(), QStringLiteral("email"));
    QCOMPARE(findings.index(3, PiiFindingModel::MaskedColumn).data().toString(), QStringLiteral("e***@example.com"));
    QVERIFY2(m_page->findingTitle().contains(QStringLiteral("in “memo” — 4 listed of 4")), qPrintable(m_page->findingTitle()));
    // Issue 14, item 2: a column with no findings said "14 listed of 14" (the whole table's count).
    const int zip = rowOf(*m_page->columnModel(), QStringLiteral("zip"));
    m_page->columnView()->selectionModel()->select(m_page->columnModel()->index(zip, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(findings.rowCount(), 0);
    QVERIFY2(m_page->findingTitle().contains(QStringLiteral("none in “zip”")), qPrintable(m_page->findingTitle()));
    m_page->columnView()->selectionModel()->clearSelection();
    QCOMPARE(findings.rowCount(), 14);
    QVERIFY2(m_page->findingTitle().contains(QStringLiteral("14 listed of 14")), qPrintable(m_page->findingTitle()));
}

void TestPrivacyPage::kAnonymityAudit()
{
    KAnonymityPanel *panel = m_page->kAnonymityPanel();
    QVERIFY(!panel->auditButton()->isEnabled());
    panel->setCheckedColumns({QStringLiteral("zip"), QStringLiteral("age")});
    panel->setK(2);
    QVERIFY(panel->auditButton()->isEnabled());
    QSignalSpy audited(m_page, &PrivacyPage::auditFinished);
    panel->auditButton()->click();
    QVERIFY(audited.wait(30000));
    QVERIFY2(panel->resultText().startsWith(QStringLiteral("k = 1 (requested 2): 3 groups; 1 below 2 holding 1 rows")),
             qPrintable(panel->resultText()));
}

void TestPrivacyPage::saveCleanedCsv()
{
    scanAndWait();
    QTableView *view = m_page->columnView();
    const auto select = [&](const QString &name) {
        view->selectionModel()->select(m_page->columnModel()->index(rowOf(*m_page->columnModel(), name), 0),
                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    };
    select(QStringLiteral("date_of_birth"));
    m_page->setTreatmentOfSelection(ColumnTreatment::Drop);
    select(QStringLiteral("memo"));
    m_page->setTreatmentOfSelection(ColumnTreatment::MaskFindings);
    select(QStringLiteral("name"));
    m_page->setTreatmentOfSelection(ColumnTreatment::MaskAll);
    QCOMPARE(m_page->columnModel()->index(rowOf(*m_page->columnModel(), QStringLiteral("memo")),
                                          PiiColumnModel::ActionColumn).data().toString(),
             QStringLiteral("mask findings"));
    const QString out = m_dir.filePath(QStringLiteral("people-clean.csv"));
    QSignalSpy saved(m_page, &PrivacyPage::cleanedCsvSaved);
    QCOMPARE(m_page->saveCleanedCsv(out), QString());
    QCOMPARE(saved.count(), 1);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.startsWith("customer_id,name,zip,age,memo\n"), text);
    QVERIFY(text.contains("card 4111 **** **** 1111 declined"));
    QVERIFY(text.contains("***-**-1097"));
    QVERIFY(!text.contains("Ann Lee"));
    QVERIFY(!m_page->saveCleanedCsv(m_dir.filePath(QStringLiteral("no-such-dir/x.csv"))).isEmpty());
    // Issue 13, item 5: never over the dataset it cleans, also through a link; the dataset is untouched.
    const QString people = m_dir.filePath(QStringLiteral("people.csv"));
    QFile original(people);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray before = original.readAll();
    original.close();
    QVERIFY(QFile::link(people, m_dir.filePath(QStringLiteral("people-link.csv"))));
    for (const QString &name : {QStringLiteral("people.csv"), QStringLiteral("people-link.csv")}) {
        const QString refused = m_page->saveCleanedCsv(m_dir.filePath(name));
        QVERIFY2(refused.contains(QStringLiteral("is the same file as the input")), qPrintable(refused));
    }
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(original.readAll(), before);
    QCOMPARE(saved.count(), 1);
    QFile::remove(m_dir.filePath(QStringLiteral("people-link.csv")));
}

void TestPrivacyPage::newDatasetClearsResults()
{
    scanAndWait();
    QVERIFY(m_page->columnModel()->rowCount() > 0);
    m_session->setCurrent(load(m_dir.filePath(QStringLiteral("people.csv"))));
    QCOMPARE(m_page->columnModel()->rowCount(), 0);
    QCOMPARE(m_page->findingModel()->rowCount(), 0);
    QCOMPARE(m_page->kAnonymityPanel()->checkedColumns(), QStringList());
}

void TestPrivacyPage::scanButtonNeedsDataset()
{
    m_session->clear();
    auto *scan = m_page->findChild<QPushButton *>(QStringLiteral("scanButton"));
    QVERIFY(scan);
    QVERIFY(!scan->isEnabled());
    QVERIFY(m_page->summaryText().startsWith(QStringLiteral("No dataset")));
    m_page->scan();
    QVERIFY(!m_page->isScanning());
}

void TestPrivacyPage::headersFitBeforeScan_data()
{
    QTest::addColumn<QString>("table");
    QTest::newRow("columns") << "piiColumns";
    QTest::newRow("findings") << "piiFindings";
}

// Issue 14: "Examples (masked)" was cut at 1280x720 before the first scan (default section width).
void TestPrivacyPage::headersFitBeforeScan()
{
    QFETCH(QString, table);
    m_page->resize(1280 - 130, 720 - 60); // the page's share of a 1280x720 window
    auto *view = m_page->findChild<QTableView *>(table);
    QVERIFY(view);
    QHeaderView *header = view->horizontalHeader();
    for (int section = 0; section + 1 < header->count(); ++section) { // the last one stretches
        const QString title = view->model()->headerData(section, Qt::Horizontal).toString();
        const int needed = header->fontMetrics().horizontalAdvance(title);
        QVERIFY2(header->sectionSize(section) >= needed,
                 qPrintable(QStringLiteral("%1: %2 px for %3 px of title").arg(title).arg(header->sectionSize(section)).arg(needed)));
    }
}

QTEST_MAIN(TestPrivacyPage)

#include "tst_privacypage.moc"
