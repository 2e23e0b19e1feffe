#include "core/util/JsonReader.h"
#include "ui/search/SearchSpaceForm.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace loupe {

namespace {

// The arguments of a distribution as the template writes them.
nlohmann::json argumentsOf(const SearchParameter &parameter)
{
    const Distribution &d = parameter.distribution;
    switch (d.kind()) {
    case DistributionKind::Choice:
        return nlohmann::json(parameter.options);
    case DistributionKind::PChoice: {
        nlohmann::json pairs = nlohmann::json::array();
        for (std::size_t i = 0; i < parameter.options.size(); ++i)
            pairs.push_back({d.probabilities()[i], parameter.options[i]});
        return pairs;
    }
    case DistributionKind::Uniform:
    case DistributionKind::LogUniform:
        return {d.low(), d.high()};
    case DistributionKind::QUniform:
    case DistributionKind::QLogUniform:
        return {d.low(), d.high(), d.q()};
    case DistributionKind::Normal:
    case DistributionKind::LogNormal:
        return {d.mu(), d.sigma()};
    case DistributionKind::QNormal:
    case DistributionKind::QLogNormal:
        return {d.mu(), d.sigma(), d.q()};
    case DistributionKind::RandInt:
        return {d.low(), d.high()};
    }
    return nlohmann::json::array();
}

const QStringList &kindNames()
{
    static const QStringList names{"choice", "pchoice", "uniform", "quniform", "loguniform", "qloguniform",
                                   "normal", "qnormal", "lognormal", "qlognormal", "randint"};
    return names;
}

} // namespace

SearchSpaceForm::SearchSpaceForm(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableWidget(0, ColumnCount, this);
    // The panel is narrow: short headers, with the long form in the header's tooltip.
    m_table->setHorizontalHeaderLabels({tr("Parameter"), tr("Distribution"), tr("Arguments"), tr("Active when")});
    m_table->horizontalHeaderItem(ArgumentsColumn)
        ->setToolTip(tr("The distribution's arguments as a JSON array, e.g. [0, 0.5] or [256, 512, 1024]"));
    m_table->horizontalHeader()->setSectionResizeMode(ArgumentsColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    layout->addWidget(m_table, 1);
    layout->addWidget(m_hint);
    connect(m_table, &QTableWidget::cellChanged, this, &SearchSpaceForm::onCellChanged);
}

void SearchSpaceForm::setSpace(const SearchSpace &space)
{
    m_space = space;
    m_filling = true;
    m_table->setRowCount(space.size());
    for (int row = 0; row < space.size(); ++row)
        fillRow(row, space.parameter(row));
    m_table->resizeColumnToContents(NameColumn);
    m_table->resizeColumnToContents(ConditionColumn);
    m_filling = false;
    m_hint->setText(space.hasTemplate()
                        ? tr("Edit a distribution or its arguments here, or the whole template on the next tab. "
                             "log kinds take natural-log bounds, as in hyperopt.")
                        : tr("A built-in test function: its space is fixed."));
}

void SearchSpaceForm::fillRow(int row, const SearchParameter &parameter)
{
    const bool editable = m_space.hasTemplate();
    auto *name = new QTableWidgetItem(QString::fromStdString(parameter.name));
    name->setFlags(name->flags() & ~Qt::ItemIsEditable);
    name->setToolTip(QString::fromStdString(parameter.path));
    m_table->setItem(row, NameColumn, name);

    auto *kind = new QComboBox(m_table);
    kind->addItems(kindNames());
    kind->setCurrentText(QString::fromLatin1(distributionKindName(parameter.distribution.kind()).data()));
    kind->setEnabled(editable);
    connect(kind, &QComboBox::currentTextChanged, this, [this, kind] {
        for (int r = 0; r < m_table->rowCount(); ++r)
            if (m_table->cellWidget(r, KindColumn) == kind)
                onCellChanged(r, KindColumn);
    });
    m_table->setCellWidget(row, KindColumn, kind);

    auto *arguments = new QTableWidgetItem(QString::fromStdString(argumentsOf(parameter).dump()));
    if (!editable)
        arguments->setFlags(arguments->flags() & ~Qt::ItemIsEditable);
    m_table->setItem(row, ArgumentsColumn, arguments);

    QString condition;
    if (parameter.parent >= 0)
        condition = QStringLiteral("%1 = option %2")
                        .arg(QString::fromStdString(m_space.parameter(parameter.parent).name))
                        .arg(parameter.parentOption);
    auto *conditionItem = new QTableWidgetItem(condition.isEmpty() ? tr("always") : condition);
    conditionItem->setFlags(conditionItem->flags() & ~Qt::ItemIsEditable);
    m_table->setItem(row, ConditionColumn, conditionItem);
}

Result<nlohmann::json> SearchSpaceForm::rowDistribution(int row) const
{
    const auto *kind = qobject_cast<QComboBox *>(m_table->cellWidget(row, KindColumn));
    const QTableWidgetItem *arguments = m_table->item(row, ArgumentsColumn);
    if (!kind || !arguments)
        return Status::invalidInput("row " + std::to_string(row + 1) + ": incomplete");
    const std::string name = m_space.parameter(row).name;
    const nlohmann::json parsed = JsonReader::parseOrNull(arguments->text().toStdString());
    if (!parsed.is_array())
        return Status::invalidInput(name + ": the arguments must be a JSON array, e.g. [0, 0.5]");
    nlohmann::json distribution{{kind->currentText().toStdString(), parsed}};
    const SearchParameter &parameter = m_space.parameter(row);
    if (parameter.name != parameter.path)
        distribution["name"] = parameter.name;
    return distribution;
}

void SearchSpaceForm::onCellChanged(int row, int column)
{
    if (m_filling || row < 0 || row >= m_space.size() || (column != KindColumn && column != ArgumentsColumn))
        return;
    const auto distribution = rowDistribution(row);
    if (!distribution.isOk()) {
        Q_EMIT editRejected(QString::fromStdString(distribution.message()));
        return;
    }
    Q_EMIT distributionEdited(QString::fromStdString(m_space.parameter(row).path), distribution.value());
}

} // namespace loupe
