#include "ui/MainWindow.h"

#include "ui/common/DatasetSession.h"
#include "ui/checks/ChecksPage.h"
#include "ui/data/DataPage.h"
#include "ui/learningrate/LearningRatePage.h"
#include "ui/prepare/PreparePage.h"
#include "ui/privacy/PrivacyPage.h"
#include "ui/search/SearchPage.h"
#include "ui/train/TrainPage.h"
#include "ui/train/TrainSetupPanel.h"

#include "jobs/JobRunner.h"

#include "db/store/ConnectionSpec.h"

#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>

namespace loupe {

namespace {

const QString kRecentFilesKey = QStringLiteral("recentFiles");

// The navigation icon :/icons/<name>.svg; none when the resources are not linked in (tests).
QIcon pageIcon(const QString &name)
{
    const QString path = QStringLiteral(":/icons/%1.svg").arg(name);
    return QFile::exists(path) ? QIcon(path) : QIcon();
}

// What the status bar says about the workspace; never shows a password.
QString workspaceDescription(const QString &workspace)
{
    if (workspace.isEmpty())
        return MainWindow::tr("No workspace: runs are not recorded");
    return MainWindow::tr("Workspace: %1").arg(QDir::toNativeSeparators(ConnectionSpec::displayNameOf(workspace)));
}

} // namespace

MainWindow::MainWindow(const QString &workspace, QWidget *parent)
    : QMainWindow(parent), m_runner(std::make_unique<JobRunner>()), m_dataset(std::make_unique<DatasetSession>())
{
    m_context.runner = m_runner.get();
    m_context.dataset = m_dataset.get();
    m_context.workspace = workspace;

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(28, 28));
    m_navigation->setFixedWidth(132);
    m_navigation->setSpacing(2);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setStyleSheet(QStringLiteral("QListWidget#navigation { background: palette(window); "
                                               "border-right: 1px solid palette(mid); padding-top: 6px; }"));
    m_pages = new QStackedWidget(central);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    // Pages: one line each. Only pages that work are listed.
    addPage(tr("Data"), pageIcon(QStringLiteral("data")), m_dataPage = new DataPage(m_context));

    connect(m_dataPage, &DataPage::loadFinished, this, [this](const QString &path) {
        rememberRecentFile(path);
        setWindowTitle(tr("%1 — Loupe").arg(QFileInfo(path).fileName()));
        statusBar()->showMessage(tr("Loaded %1").arg(QDir::toNativeSeparators(path)), 5000);
    });
    auto *checksPage = new ChecksPage(m_context);
    addPage(tr("Checks"), pageIcon(QStringLiteral("checks")), checksPage);
    connect(checksPage, &ChecksPage::showFailingCells, this,
            [this](const QStringList &columns, const QVector<quint64> &rows) {
                m_dataPage->highlightCells(columns, rows);
                showPage(m_dataPage);
            });
    auto *privacyPage = new PrivacyPage(m_context);
    addPage(tr("Privacy"), pageIcon(QStringLiteral("privacy")), privacyPage);
    connect(privacyPage, &PrivacyPage::showFindingCell, this, [this](const QString &column, quint64 row) {
        m_dataPage->highlightCells({column}, {row});
        showPage(m_dataPage);
    });
    addPage(tr("Prepare"), pageIcon(QStringLiteral("prepare")), new PreparePage(m_context));
    auto *trainPage = new TrainPage(m_context);
    addPage(tr("Train"), pageIcon(QStringLiteral("train")), trainPage);
    auto *learningRatePage = new LearningRatePage(m_context);
    addPage(tr("Learning rate"), pageIcon(QStringLiteral("learning-rate")), learningRatePage);
    addPage(tr("Search"), pageIcon(QStringLiteral("search")), new SearchPage(m_context));
    connect(learningRatePage, &LearningRatePage::learningRateChosen, this, [this, trainPage](double rate) {
        const bool replacesSchedule = trainPage->setupPanel()->schedule().has_value();
        trainPage->setupPanel()->setLearningRate(rate);
        showPage(trainPage);
        statusBar()->showMessage(replacesSchedule
                                     ? tr("Learning rate %1 set on the Train page; it replaces the schedule")
                                           .arg(rate, 0, 'g', 3)
                                     : tr("Learning rate %1 set on the Train page").arg(rate, 0, 'g', 3),
                                 5000);
    });
    connect(learningRatePage, &LearningRatePage::scheduleChosen, this, [this, trainPage](const ScheduleSpec &schedule) {
        trainPage->setupPanel()->setSchedule(schedule);
        showPage(trainPage);
        statusBar()->showMessage(tr("Schedule %1 set on the Train page")
                                     .arg(QString::fromStdString(scheduleKindName(schedule.kind))), 5000);
    });
    buildMenus();

    auto *workspaceLabel = new QLabel(workspaceDescription(workspace), this);
    workspaceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(workspaceLabel);
    setWindowTitle(tr("Loupe"));
    setAcceptDrops(true);
    // 1400 x 860 where the screen has room, never larger than the screen's free area (1280 x 720 laptops).
    const QSize wanted(1400, 860);
    resize(screen() ? wanted.boundedTo(screen()->availableGeometry().size()) : wanted);
}

MainWindow::~MainWindow()
{
    // Pages first (they cancel their runs through the runner), then the runner waits for its threads.
    delete takeCentralWidget();
}

void MainWindow::addPage(const QString &title, const QIcon &icon, QWidget *page)
{
    m_pages->addWidget(page);
    auto *item = new QListWidgetItem(icon, title, m_navigation);
    item->setSizeHint(QSize(0, 44));
    if (m_navigation->count() == 1)
        m_navigation->setCurrentRow(0);
}

void MainWindow::showPage(QWidget *page)
{
    const int index = m_pages->indexOf(page);
    if (index >= 0)
        m_navigation->setCurrentRow(index);
}

QWidget *MainWindow::pageWidget(int index) const
{
    return m_pages->widget(index);
}

QStringList MainWindow::pageTitles() const
{
    QStringList titles;
    for (int i = 0; i < m_navigation->count(); ++i)
        titles.append(m_navigation->item(i)->text());
    return titles;
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open CSV…"), this, &MainWindow::openFromDialog);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Loupe"), this, &MainWindow::showAbout);
}

QStringList MainWindow::recentFiles() const
{
    return QSettings().value(kRecentFilesKey).toStringList().mid(0, kMaxRecentFiles);
}

void MainWindow::rememberRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    QSettings().setValue(kRecentFilesKey, files.mid(0, kMaxRecentFiles));
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString &path = files.at(i);
        const QString number = i < 9 ? QStringLiteral("&%1").arg(i + 1) : QString::number(i + 1);
        const QString text = QStringLiteral("%1  %2").arg(number, QDir::toNativeSeparators(path));
        m_recentMenu->addAction(text, this, [this, path] { openCsv(path); });
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear list"), this, [this] {
            QSettings().remove(kRecentFilesKey);
            rebuildRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::openFromDialog()
{
    showPage(m_dataPage);
    m_dataPage->openWithDialog();
}

void MainWindow::openCsv(const QString &path)
{
    showPage(m_dataPage);
    m_dataPage->loadFile(path);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Loupe"),
                       tr("<h3>Loupe %1</h3>"
                          "<p>A workbench for debugging machine-learning models and their data: "
                          "test the data, train small networks, find learning rates, search "
                          "hyperparameters, explain predictions and export deployable bundles.</p>"
                          "<p>Everything runs locally; every run is kept in the workspace database.</p>")
                           .arg(QApplication::applicationVersion()));
}

QString MainWindow::droppedFilePath(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return QString();
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            return url.toLocalFile();
    }
    return QString();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedFilePath(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedFilePath(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openCsv(path);
}

} // namespace loupe
