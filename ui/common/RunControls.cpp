#include "ui/common/RunControls.h"

#include <QHBoxLayout>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace loupe {

RunControls::RunControls(const QString &startObjectName, QWidget *parent) : QWidget(parent)
{
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    auto *buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Start"), this);
    m_start->setObjectName(startObjectName);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    column->addLayout(buttons);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setFormat(tr("idle"));
    column->addWidget(m_progress);
    m_message = new MessageBanner(this);
    column->addWidget(m_message);
    connect(m_start, &QPushButton::clicked, this, &RunControls::startClicked);
    connect(m_cancel, &QPushButton::clicked, this, &RunControls::cancelClicked);
}

void RunControls::begin()
{
    m_message->clear();
    m_progress->setValue(0);
    m_progress->setFormat(tr("starting…"));
    setRunning(true);
}

void RunControls::setProgress(double fraction, const QString &stage)
{
    m_progress->setValue(int(fraction * 1000.0));
    m_progress->setFormat(QStringLiteral("%1 · %p %").arg(stage));
}

void RunControls::end(const QString &message, MessageBanner::Kind kind)
{
    setRunning(false);
    showMessage(message, kind);
}

void RunControls::showMessage(const QString &text, MessageBanner::Kind kind)
{
    m_message->showMessage(text, kind);
}

void RunControls::hideMessage()
{
    m_message->clear();
}

QString RunControls::messageText() const
{
    return m_message->text();
}

void RunControls::setRunning(bool running)
{
    m_start->setEnabled(!running);
    m_cancel->setEnabled(running);
    if (!running && m_progress->value() > 0)
        m_progress->setValue(m_progress->maximum());
}

} // namespace loupe
