#pragma once
// The Privacy page: scan the current dataset for personal data (PiiScanJob in the background, with
// progress and Cancel), read the result per column (kinds with counts, identifier flag, masked examples)
// and the masked findings, audit k-anonymity of chosen columns (KAnonymityPanel), choose per column to
// keep, drop or mask it, and save a cleaned CSV (TableMasking + CsvWriter, written atomically).
// Double-clicking a finding asks for its cell on the Data page (showFindingCell; MainWindow forwards it to
// DataPage::highlightCells, as it does for the Checks page's failing cells).

#include "ui/common/PageContext.h"

#include "jobs/PiiScanJob.h"
#include "core/privacy/TableMasking.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace loupe {

class KAnonymityPanel;
class MessageBanner;
class PiiColumnModel;
class PiiFindingModel;

class PrivacyPage : public QWidget {
    Q_OBJECT

public:
    // requires: context.runner and context.dataset outlive the page.
    explicit PrivacyPage(const PageContext &context, QWidget *parent = nullptr);
    ~PrivacyPage() override;

    // Starts a scan of the current dataset (no-op without one); a running scan is superseded.
    void scan();
    void cancelScan();
    bool isScanning() const { return m_scanRun != 0; }

    // Sets what happens to the column on the selected rows of the column table.
    void setTreatmentOfSelection(ColumnTreatment treatment);
    // Writes the cleaned current dataset to `path`. ensures: an empty string on success, else the message.
    QString saveCleanedCsv(const QString &path);

    PiiColumnModel *columnModel() const { return m_columnModel; }
    PiiFindingModel *findingModel() const { return m_findingModel; }
    QTableView *columnView() const { return m_columnView; }
    QTableView *findingView() const { return m_findingView; }
    KAnonymityPanel *kAnonymityPanel() const { return m_kPanel; }
    QString summaryText() const;
    QString messageText() const;
    QString findingTitle() const;

Q_SIGNALS:
    void scanFinished();
    void scanCancelled();
    void scanFailed(const QString &message);
    void auditFinished();
    void cleanedCsvSaved(const QString &path);
    // A finding was double-clicked: show the cell of `column` in 0-based data row `row`.
    void showFindingCell(const QString &column, quint64 row);

private:
    void buildUi();
    QWidget *buildActionBar();
    void onDatasetChanged();
    void onScanFinished(const PiiScanOutcome &outcome);
    void startAudit(const QStringList &columns, int k);
    void showOutcomeAudit(const PiiScanOutcome &outcome);
    void setScanningUi(bool scanning);
    void onColumnSelectionChanged();
    void updateFindingTitle();
    void saveWithDialog();

    PageContext m_context;
    quint64 m_scanRun = 0;
    quint64 m_auditRun = 0;
    QLabel *m_summary = nullptr;
    MessageBanner *m_message = nullptr;
    QPushButton *m_scanButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QTableView *m_columnView = nullptr;
    QTableView *m_findingView = nullptr;
    QLabel *m_findingTitle = nullptr;
    PiiColumnModel *m_columnModel = nullptr;
    PiiFindingModel *m_findingModel = nullptr;
    KAnonymityPanel *m_kPanel = nullptr;
    std::size_t m_totalFindings = 0;
};

} // namespace loupe
