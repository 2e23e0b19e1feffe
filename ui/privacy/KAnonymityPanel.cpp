#include "ui/privacy/KAnonymityPanel.h"

#include "ui/common/MessageBanner.h"

#include <QHeaderView>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace loupe {

KAnonymityPanel::KAnonymityPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("<b>k-anonymity</b>"), this);
    auto *help = new QLabel(tr("Check the quasi-identifier columns (zip, age, gender, ...): rows whose combination "
                               "is shared by fewer than k rows can be singled out."),
                            this);
    help->setWordWrap(true);
    m_columns = new QListWidget(this);
    m_columns->setObjectName(QStringLiteral("quasiColumns"));
    m_columns->setMinimumHeight(120);
    auto *row = new QHBoxLayout;
    m_k = new QSpinBox(this);
    m_k->setRange(1, 1000000);
    m_k->setValue(5);
    m_k->setPrefix(QStringLiteral("k = "));
    m_audit = new QPushButton(tr("Audit"), this);
    m_audit->setObjectName(QStringLiteral("auditButton"));
    row->addWidget(m_k);
    row->addWidget(m_audit);
    row->addStretch(1);
    m_result = new MessageBanner(this);
    m_result->setObjectName(QStringLiteral("kAnonymityResult"));
    m_groups = new QTableWidget(0, 3, this);
    m_groups->setHorizontalHeaderLabels({tr("Values"), tr("Rows"), tr("First row")});
    m_groups->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_groups->verticalHeader()->hide();
    m_groups->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_groups->setMinimumHeight(110);
    layout->addWidget(title);
    layout->addWidget(help);
    layout->addWidget(m_columns, 2);
    layout->addLayout(row);
    layout->addWidget(m_result);
    layout->addWidget(m_groups, 1);
    connect(m_audit, &QPushButton::clicked, this, [this]() { Q_EMIT auditRequested(checkedColumns(), k()); });
    connect(m_columns, &QListWidget::itemChanged, this, [this]() { updateAuditButton(); });
    updateAuditButton();
}

void KAnonymityPanel::setColumns(const QStringList &names)
{
    m_columns->clear();
    for (const QString &name : names) {
        auto *item = new QListWidgetItem(name, m_columns);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Unchecked);
    }
    clearResult();
    updateAuditButton();
}

void KAnonymityPanel::setCheckedColumns(const QStringList &names)
{
    for (int i = 0; i < m_columns->count(); ++i) {
        QListWidgetItem *item = m_columns->item(i);
        item->setCheckState(names.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
    }
    updateAuditButton();
}

QStringList KAnonymityPanel::checkedColumns() const
{
    QStringList names;
    for (int i = 0; i < m_columns->count(); ++i)
        if (m_columns->item(i)->checkState() == Qt::Checked)
            names << m_columns->item(i)->text();
    return names;
}

int KAnonymityPanel::k() const
{
    return m_k->value();
}

void KAnonymityPanel::setK(int k)
{
    m_k->setValue(k);
}

void KAnonymityPanel::setBusy(bool busy)
{
    m_busy = busy;
    updateAuditButton();
}

void KAnonymityPanel::updateAuditButton()
{
    m_audit->setEnabled(!m_busy && !checkedColumns().isEmpty());
}

void KAnonymityPanel::showReport(const KAnonymityReport &report)
{
    const bool ok = report.k >= report.requestedK;
    m_result->showMessage(tr("k = %1 (requested %2): %3 groups; %4 below %2 holding %5 rows; %6 rows are unique.")
                              .arg(report.k)
                              .arg(report.requestedK)
                              .arg(report.groupCount)
                              .arg(report.groupsBelowK)
                              .arg(report.rowsBelowK)
                              .arg(report.uniqueRows),
                          ok ? MessageBanner::Kind::Info : MessageBanner::Kind::Warning);
    m_groups->setRowCount(int(report.smallestGroups.size()));
    for (int r = 0; r < int(report.smallestGroups.size()); ++r) {
        const KAnonymityGroup &group = report.smallestGroups[std::size_t(r)];
        QStringList values;
        for (const std::string &value : group.values)
            values << QString::fromStdString(value);
        m_groups->setItem(r, 0, new QTableWidgetItem(values.join(QStringLiteral(" · "))));
        m_groups->setItem(r, 1, new QTableWidgetItem(QString::number(group.size)));
        m_groups->setItem(r, 2, new QTableWidgetItem(QString::number(group.firstRow)));
    }
}

void KAnonymityPanel::showError(const QString &message)
{
    m_result->showMessage(message, MessageBanner::Kind::Error);
    m_groups->setRowCount(0);
}

void KAnonymityPanel::clearResult()
{
    m_result->clear();
    m_groups->setRowCount(0);
}

QString KAnonymityPanel::resultText() const
{
    return m_result->text();
}

} // namespace loupe
