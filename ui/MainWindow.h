#pragma once
// The main window only creates and wires pages: a navigation list on the left, the pages in a
// stack on the right, the File and Help menus, a status bar naming the workspace, and CSV drops.
// Each page is one addPage(...) line in the constructor.

#include "ui/common/PageContext.h"

#include <QMainWindow>
#include <QStringList>

#include <memory>

class QListWidget;
class QMenu;
class QMimeData;
class QStackedWidget;

namespace loupe {

class DataPage;
class DatasetSession;
class JobRunner;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    static constexpr int kMaxRecentFiles = 10;

    // workspace: the Store location (db/store/ConnectionSpec.h) pages record their runs in; empty for none.
    explicit MainWindow(const QString &workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows the Data page and loads `path` there.
    void openCsv(const QString &path);

    DataPage *dataPage() const { return m_dataPage; }
    QStringList pageTitles() const;
    // The page at `index` in pageTitles() order.
    QWidget *pageWidget(int index) const;
    // Most recent first, at most kMaxRecentFiles (QSettings key "recentFiles").
    QStringList recentFiles() const;

    // The local file a drop would open, or an empty string when the data holds none.
    static QString droppedFilePath(const QMimeData *mime);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void addPage(const QString &title, const QIcon &icon, QWidget *page);
    void showPage(QWidget *page);
    void buildMenus();
    void rebuildRecentMenu();
    void rememberRecentFile(const QString &path);
    void openFromDialog();
    void showAbout();

    std::unique_ptr<JobRunner> m_runner;
    std::unique_ptr<DatasetSession> m_dataset;
    PageContext m_context;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QMenu *m_recentMenu = nullptr;
    DataPage *m_dataPage = nullptr;
};

} // namespace loupe
