#include "ui/data/ColumnPanel.h"

#include "ui/common/DisplayFormat.h"
#include "ui/common/HistogramPlot.h"

#include "core/data/DateTime.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

namespace loupe {

namespace {

const QString kNotApplicable = QStringLiteral("—");

bool showsNumericStats(const ColumnStats &stats)
{
    return stats.hasNumeric && stats.type != ColumnType::String && stats.type != ColumnType::Categorical;
}

// A Bool mean is the share of true values; a DateTime mean is shown to the second.
QString meanText(const ColumnStats &stats)
{
    if (stats.type == ColumnType::Bool)
        return formatNumber(stats.mean);
    if (stats.type == ColumnType::DateTime)
        return formatStatistic(std::round(stats.mean / double(kNanosPerSecond)) * double(kNanosPerSecond), stats.type);
    return formatStatistic(stats.mean, stats.type);
}

} // namespace

ColumnPanel::ColumnPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);

    m_heading = new QLabel(this);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    m_heading->setFont(headingFont);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_heading->setWordWrap(true);
    layout->addWidget(m_heading);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(3);
    addField(form, Field::Type, tr("Type"));
    addField(form, Field::Rows, tr("Rows"));
    addField(form, Field::Missing, tr("Missing"));
    addField(form, Field::Distinct, tr("Distinct"));
    addField(form, Field::Min, tr("Min"));
    addField(form, Field::Max, tr("Max"));
    addField(form, Field::Mean, tr("Mean"));
    addField(form, Field::Std, tr("Std. dev."));
    layout->addLayout(form);

    m_plot = new HistogramPlot(this);
    m_plot->setMinimumHeight(220);
    layout->addWidget(m_plot, 1);
    clear();
}

void ColumnPanel::addField(QFormLayout *form, Field field, const QString &label)
{
    auto *value = new QLabel(this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setObjectName(QStringLiteral("field%1").arg(int(field)));
    form->addRow(label + QLatin1Char(':'), value);
    m_values.insert(field, value);
}

void ColumnPanel::setField(Field field, const QString &text)
{
    if (field == Field::Name)
        m_heading->setText(text);
    else
        m_values.value(field)->setText(text);
}

QString ColumnPanel::fieldText(Field field) const
{
    return field == Field::Name ? m_heading->text() : m_values.value(field)->text();
}

void ColumnPanel::clearFields()
{
    for (QLabel *label : std::as_const(m_values))
        label->setText(kNotApplicable);
}

void ColumnPanel::clear()
{
    clearFields();
    setField(Field::Name, tr("No column selected"));
    m_plot->showMessage(tr("Select a column to see its distribution"));
}

void ColumnPanel::showPending(const QString &columnName)
{
    clearFields();
    setField(Field::Name, columnName);
    m_plot->showMessage(tr("Computing statistics…"));
}

void ColumnPanel::showStats(const ColumnStats &stats)
{
    setField(Field::Name, QString::fromStdString(stats.name));
    setField(Field::Type, QString::fromLatin1(columnTypeName(stats.type)));
    setField(Field::Rows, formatCount(stats.rows));
    setField(Field::Missing, formatCountWithShare(stats.missing, stats.rows));
    setField(Field::Distinct, formatCount(stats.distinct));
    if (showsNumericStats(stats)) {
        setField(Field::Min, formatStatistic(stats.min, stats.type));
        setField(Field::Max, formatStatistic(stats.max, stats.type));
        setField(Field::Mean, meanText(stats));
        setField(Field::Std, formatSpread(stats.std, stats.type));
    } else {
        for (Field field : {Field::Min, Field::Max, Field::Mean, Field::Std})
            setField(field, kNotApplicable);
    }
    m_plot->showStats(stats);
}

} // namespace loupe
