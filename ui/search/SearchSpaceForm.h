#pragma once
// The search space as a form: one row per parameter of the parsed template with its name, its
// distribution kind, its arguments as a JSON array and the choice it depends on. Editing a kind or
// the arguments emits distributionEdited() with the new distribution object for the parameter's
// template path; the setup panel writes it into the template and re-parses, so the form and the
// JSON editor never disagree. Spaces without a template (the built-in test functions) are shown
// read-only.
#include "core/search/SearchSpace.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace loupe {

class SearchSpaceForm : public QWidget {
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, ArgumentsColumn, ConditionColumn, ColumnCount };

    explicit SearchSpaceForm(QWidget *parent = nullptr);

    void setSpace(const SearchSpace &space);
    QTableWidget *table() const { return m_table; }

    // The distribution object a row describes, e.g. {"uniform": [0, 0.5]} (a choice keeps its
    // options and name). InvalidInput naming the row when the arguments are not a JSON array.
    Result<nlohmann::json> rowDistribution(int row) const;

Q_SIGNALS:
    // path: the parameter's template path; distribution: its replacement.
    void distributionEdited(const QString &path, const nlohmann::json &distribution);
    void editRejected(const QString &message);

private:
    void onCellChanged(int row, int column);
    void fillRow(int row, const SearchParameter &parameter);

    SearchSpace m_space;
    QTableWidget *m_table = nullptr;
    QLabel *m_hint = nullptr;
    bool m_filling = false;
};

} // namespace loupe
