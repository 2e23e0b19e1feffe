// Double-clicking a Privacy finding shows its cell on the Data page (offscreen, through MainWindow's wiring,
// as the Checks page's failing cells do): the Data page comes to the front with that cell current, selected
// and highlighted, also when the Data page's table is sorted (the row is found through the sort's order).

#include "ui/MainWindow.h"
#include "ui/data/DataPage.h"
#include "ui/data/TableModel.h"
#include "ui/data/TableQueryBar.h"
#include "ui/privacy/PiiFindingModel.h"
#include "ui/privacy/PrivacyPage.h"

#include "core/data/CsvWriter.h"
#include "core/data/TransactionSimulator.h"

#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace loupe;

namespace {

constexpr int kTimeoutMs = 30000;

} // namespace

class TestPrivacyJump : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void doubleClickShowsCell_data();
    void doubleClickShowsCell();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestPrivacyJump::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LoupeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_privacyjump"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    SimulationOptions options;
    options.rows = 3000;
    options.defects = {Defect::PiiInText};
    options.defectRate = 0.01;
    m_path = m_dir.filePath(QStringLiteral("transactions.csv"));
    QVERIFY(CsvWriter::writeFile(TransactionSimulator(options).generate(), m_path.toStdString()).isOk());
}

void TestPrivacyJump::doubleClickShowsCell_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("sorted");
    QTest::newRow("ssn in memo") << "ssn" << false;
    QTest::newRow("person name") << "person_name" << false;
    QTest::newRow("ssn, data sorted") << "ssn" << true;
    QTest::newRow("name, data sorted") << "person_name" << true;
}

void TestPrivacyJump::doubleClickShowsCell()
{
    QFETCH(QString, kind);
    QFETCH(bool, sorted);
    MainWindow window{QString()};
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    DataPage *data = window.dataPage();
    QSignalSpy loaded(data, &DataPage::loadFinished);
    window.openCsv(m_path);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeoutMs);
    if (sorted) {
        data->queryBar()->sortBy(7, SortDirection::Descending); // amount
        QTRY_VERIFY_WITH_TIMEOUT(!data->queryBar()->isBusy(), kTimeoutMs);
        QVERIFY(data->tableModel()->hasRowOrder());
    }

    auto *privacy = window.findChild<PrivacyPage *>();
    QVERIFY(privacy);
    auto *pages = window.findChild<QStackedWidget *>();
    auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
    navigation->setCurrentRow(int(window.pageTitles().indexOf(QStringLiteral("Privacy"))));
    QCOMPARE(pages->currentWidget(), privacy);
    QSignalSpy scanned(privacy, &PrivacyPage::scanFinished);
    privacy->scan();
    QVERIFY(scanned.wait(kTimeoutMs));

    // The first finding of the wanted kind, double-clicked where it is drawn.
    PiiFindingModel *findings = privacy->findingModel();
    int listRow = -1;
    for (int r = 0; r < findings->rowCount() && listRow < 0; ++r)
        if (findings->index(r, PiiFindingModel::KindColumn).data().toString() == kind)
            listRow = r;
    QVERIFY2(listRow >= 0, qPrintable(kind));
    const quint64 dataRow = findings->findingAt(listRow).row;
    const QString column = findings->index(listRow, PiiFindingModel::NameColumn).data().toString();
    QTableView *view = privacy->findingView();
    const QModelIndex cell = findings->index(listRow, PiiFindingModel::KindColumn);
    view->scrollTo(cell);
    const QPoint at = view->visualRect(cell).center();
    QCOMPARE(view->indexAt(at), cell);
    QSignalSpy jumped(privacy, &PrivacyPage::showFindingCell);
    // What a real double click sends: press and release, then the double click.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    QCOMPARE(jumped.count(), 1);

    QCOMPARE(pages->currentWidget(), data);
    const QModelIndex current = data->tableView()->currentIndex();
    QVERIFY(current.isValid());
    TableModel *model = data->tableModel();
    QCOMPARE(model->tableRow(current.row()), std::size_t(dataRow));
    QCOMPARE(model->headerData(current.column(), Qt::Horizontal).toString().section(QLatin1Char('\n'), 0, 0), column);
    QVERIFY(data->tableView()->selectionModel()->isSelected(current));
    QVERIFY(current.data(TableModel::HighlightRole).toBool());
    QVERIFY(data->tableView()->viewport()->rect().intersects(data->tableView()->visualRect(current)));
}

QTEST_MAIN(TestPrivacyJump)
#include "tst_privacyjump.moc"
