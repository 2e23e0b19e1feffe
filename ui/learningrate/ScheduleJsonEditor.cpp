#include "ui/learningrate/ScheduleJsonEditor.h"

#include "core/checks/JsonPositionIndex.h"
#include "core/util/JsonReader.h"
#include "ui/common/MessageBanner.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace loupe {

namespace {

const char kScheduleSource[] = "schedule";

// "schedule:3:7: what (at lr0)" -> "line 3, column 7: what (at lr0)".
QString located(const std::string &readerMessage)
{
    static const QRegularExpression form(QStringLiteral("^schedule:(\\d+):(\\d+): (.*)$"),
                                         QRegularExpression::DotMatchesEverythingOption);
    const QString message = QString::fromStdString(readerMessage);
    const QRegularExpressionMatch match = form.match(message);
    if (!match.hasMatch())
        return message;
    return ScheduleJsonEditor::tr("line %1, column %2: %3").arg(match.captured(1), match.captured(2), match.captured(3));
}

// A ScheduleSpec message names its key first ("lr0: must be > 0"): the key's place in the text, or the
// whole object's when the key is not in it (a missing "name").
QString withKeyPosition(const std::string &specMessage, const JsonPositionIndex &index)
{
    const std::size_t colon = specMessage.find(':');
    const std::string key = colon == std::string::npos ? std::string() : specMessage.substr(0, colon);
    const JsonSpan *span = key.empty() ? nullptr : index.find("/" + jsonPointerToken(key));
    if (!span)
        span = index.find("");
    const std::size_t offset = span ? span->begin : 0;
    return ScheduleJsonEditor::tr("line %1, column %2: %3")
        .arg(index.lineOf(offset))
        .arg(index.columnOf(offset))
        .arg(QString::fromStdString(specMessage));
}

} // namespace

ScheduleJsonEditor::ScheduleJsonEditor(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_edit = new QPlainTextEdit(this);
    m_edit->setObjectName(QStringLiteral("scheduleJson"));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setMaximumHeight(90);
    m_edit->setTabChangesFocus(true);
    m_edit->setToolTip(tr("The schedule as loupe-cli train --schedule takes it. Paste or edit a schedule here "
                          "to set the form."));
    layout->addWidget(m_edit);
    auto *row = new QHBoxLayout;
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("scheduleJsonError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(MessageBanner::textColor(MessageBanner::Kind::Error).name()));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_error, 1);
    m_copy = new QPushButton(tr("Copy"), this);
    m_copy->setObjectName(QStringLiteral("copyScheduleJson"));
    m_copy->setToolTip(tr("Copy the schedule's JSON to the clipboard"));
    row->addWidget(m_copy, 0, Qt::AlignTop | Qt::AlignRight);
    layout->addLayout(row);
    // Room for two lines of message, always: the button below does not move when an error comes and goes.
    m_error->setMinimumHeight(2 * m_error->fontMetrics().lineSpacing());
    m_error->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    connect(m_edit, &QPlainTextEdit::textChanged, this, &ScheduleJsonEditor::onTextEdited);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(text()); });
}

QString ScheduleJsonEditor::text() const
{
    return m_edit->toPlainText();
}

void ScheduleJsonEditor::showSchedule(const ScheduleSpec &schedule)
{
    m_settingText = true;
    m_edit->setPlainText(QString::fromStdString(schedule.toJson().dump()));
    m_settingText = false;
    setError(QString());
    m_copy->setEnabled(true);
}

void ScheduleJsonEditor::clearSchedule()
{
    m_settingText = true;
    m_edit->clear();
    m_settingText = false;
    setError(QString());
    m_copy->setEnabled(false);
}

Result<ScheduleSpec> ScheduleJsonEditor::read(const QString &text)
{
    const std::string utf8 = text.toStdString();
    Result<nlohmann::json> document = JsonReader::parse(utf8, kScheduleSource);
    if (!document.isOk())
        return Status::invalidInput(located(document.message()).toStdString());
    Result<JsonPositionIndex> index = JsonPositionIndex::build(utf8);
    if (!index.isOk()) // "line L, column C: duplicate key 'k'"
        return index.status();
    Result<ScheduleSpec> schedule = ScheduleSpec::fromJson(document.value());
    if (!schedule.isOk())
        return Status::invalidInput(withKeyPosition(schedule.message(), index.value()).toStdString());
    return schedule;
}

void ScheduleJsonEditor::onTextEdited()
{
    if (m_settingText)
        return;
    const Result<ScheduleSpec> schedule = read(text());
    m_copy->setEnabled(!text().trimmed().isEmpty());
    if (!schedule.isOk()) {
        setError(QString::fromStdString(schedule.message()));
        return;
    }
    setError(QString());
    Q_EMIT scheduleEdited(schedule.value());
}

void ScheduleJsonEditor::setError(const QString &error)
{
    const bool wasValid = m_errorText.isEmpty();
    m_errorText = error;
    m_error->setText(error);
    if (wasValid != error.isEmpty())
        Q_EMIT validityChanged(error.isEmpty());
}

} // namespace loupe
