#pragma once
// "Is the data up to the task?": a target column (and optionally a model spec for its parameter
// count), run in the background (SufficiencyJob), and the verdict table (SufficiencyModel).

#include "core/train/SufficiencyReport.h"
#include "ui/common/PageContext.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace loupe {

class MessageBanner;
class SufficiencyModel;

class SufficiencyPanel : public QWidget {
    Q_OBJECT
public:
    explicit SufficiencyPanel(const PageContext &context, QWidget *parent = nullptr);

    // Fills the target choices from the current dataset (the last column is preselected).
    void reloadColumns();
    void setTarget(const QString &column);
    QString target() const;
    void setSpecPath(const QString &path);
    // Starts the analysis of the current dataset; no-op without a dataset.
    void analyze();

    const SufficiencyModel *model() const { return m_model; }
    QString statusText() const;
    bool isRunning() const { return m_run != 0; }

Q_SIGNALS:
    void reportReady();

private:
    void chooseSpec();
    // Reads the spec field's file now; shows its error (file:line:column) and returns false when unusable.
    bool checkSpec();
    void onFinished(const SufficiencyReport &report);
    void onFailed(const QString &message);

    PageContext m_context;
    QComboBox *m_target = nullptr;
    QLineEdit *m_spec = nullptr;
    QTimer *m_specCheck = nullptr; // debounces checkSpec() while the user types
    QPushButton *m_analyzeButton = nullptr;
    MessageBanner *m_status = nullptr;
    QTableView *m_table = nullptr;
    SufficiencyModel *m_model = nullptr;
    quint64 m_run = 0;
};

} // namespace loupe
