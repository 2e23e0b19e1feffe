#pragma once
// Choose quasi-identifier columns and k, ask for the audit, and read its result: k reached, groups below
// the requested k and the rows in them, and the smallest groups with their values.

#include "core/privacy/KAnonymity.h"

#include <QStringList>
#include <QWidget>

class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace loupe {

class MessageBanner;

class KAnonymityPanel : public QWidget {
    Q_OBJECT

public:
    explicit KAnonymityPanel(QWidget *parent = nullptr);

    // The column names to choose from; the checks are cleared and the result emptied.
    void setColumns(const QStringList &names);
    void setCheckedColumns(const QStringList &names);
    QStringList checkedColumns() const;
    int k() const;
    void setK(int k);
    void setBusy(bool busy);

    void showReport(const KAnonymityReport &report);
    void showError(const QString &message);
    void clearResult();
    QString resultText() const;

    QListWidget *columnList() const { return m_columns; }
    QPushButton *auditButton() const { return m_audit; }

Q_SIGNALS:
    void auditRequested(const QStringList &columns, int k);

private:
    void updateAuditButton();

    QListWidget *m_columns = nullptr;
    QSpinBox *m_k = nullptr;
    QPushButton *m_audit = nullptr;
    MessageBanner *m_result = nullptr;
    QTableWidget *m_groups = nullptr;
    bool m_busy = false;
};

} // namespace loupe
