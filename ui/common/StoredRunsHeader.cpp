#include "ui/common/StoredRunsHeader.h"

#include "ui/common/MessageBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace loupe {

StoredRunsHeader::StoredRunsHeader(const QString &title, RefreshButton refresh, QWidget *parent) : QWidget(parent)
{
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(4);
    auto *row = new QHBoxLayout;
    if (!title.isEmpty())
        row->addWidget(new QLabel(title, this), 1);
    m_note = new QLabel(this);
    m_note->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_note, title.isEmpty() ? 1 : 0);
    if (refresh == RefreshButton::Shown) {
        auto *button = new QPushButton(tr("Refresh"), this);
        connect(button, &QPushButton::clicked, this, &StoredRunsHeader::refreshClicked);
        row->addWidget(button);
    }
    column->addLayout(row);
    m_problem = new MessageBanner(this);
    column->addWidget(m_problem);
}

void StoredRunsHeader::showReading()
{
    m_note->setText(tr("reading the workspace…"));
}

void StoredRunsHeader::showListed(int count, int interrupted)
{
    QString text = count == 0 ? tr("none stored yet") : tr("%n run(s), newest first", nullptr, count);
    if (interrupted > 0)
        text += tr("; %n interrupted (its process ended without finishing; hover it for why)", nullptr, interrupted);
    m_note->setText(text);
    m_note->setToolTip(interrupted > 0 ? tr("A run is marked interrupted when the workspace is opened after its "
                                            "process was killed, crashed or its host restarted.")
                                       : QString());
    m_problem->clear();
}

void StoredRunsHeader::showNoWorkspace()
{
    m_note->setText(tr("no workspace: runs are not stored"));
    m_problem->clear();
}

void StoredRunsHeader::showProblem(const QString &message)
{
    m_note->clear();
    m_problem->showMessage(tr("Cannot read the stored runs: %1").arg(message), MessageBanner::Kind::Error);
}

QString StoredRunsHeader::noteText() const
{
    return m_note->text();
}

QString StoredRunsHeader::problemText() const
{
    return m_problem->text();
}

} // namespace loupe
