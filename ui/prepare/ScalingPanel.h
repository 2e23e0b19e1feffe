#pragma once
// Scaling on the Prepare page: choose a method, the columns and the split; fit on the training rows
// in the background (ScaleJob); compare each column's histogram before and after; save the scaled
// CSV and the fitted parameters (SaveScaledJob). A refused fit shows the leakage guard's message.
// A bar clicked on either histogram rings the bars its rows fall in on the other, and the status says
// how many rows they are (HistogramRows).

#include "jobs/ScaleJob.h"
#include "core/prep/ScalingMethod.h"
#include "ui/common/PageContext.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace loupe {

class HistogramPlot;
class MessageBanner;

class ScalingPanel : public QWidget {
    Q_OBJECT
public:
    explicit ScalingPanel(const PageContext &context, QWidget *parent = nullptr);

    // Lists the current dataset's int64 and float64 columns, all checked.
    void reloadColumns();
    void setMethod(ScalingMethod method);
    ScalingMethod method() const;
    // Checks exactly these columns.
    void setCheckedColumns(const QStringList &columns);
    QStringList checkedColumns() const;
    void setTestFraction(double fraction);
    void setSeed(int seed);
    // Fit on every row instead of the training rows: refused whenever there is a test split.
    void setFitOnAllRows(bool all);
    // Starts the fit; no-op without a dataset.
    void fit();
    // Shows column `name` of the last result in the before/after plots.
    void showColumn(const QString &name);
    // Writes the last result (either path may be empty); no-op without a result.
    void save(const QString &csvPath, const QString &parametersPath);

    const std::optional<ScaleResult> &result() const { return m_result; }
    QString statusText() const;
    const HistogramPlot *beforePlot() const { return m_before; }
    const HistogramPlot *afterPlot() const { return m_after; }
    HistogramPlot *beforePlot() { return m_before; }
    HistogramPlot *afterPlot() { return m_after; }
    // Selects bar `bar` of the before (or after) histogram and the bars of the same rows on the other.
    enum class Side { Before, After };
    void selectBar(Side side, int bar);

Q_SIGNALS:
    void fitEnded();  // finished or failed
    void saveEnded(); // finished or failed

private:
    void onFitted(const ScaleResult &result);
    void onFailed(const QString &message);
    void chooseCsv();
    void chooseParameters();
    QWidget *buildControls();

    PageContext m_context;
    QComboBox *m_method = nullptr;
    QListWidget *m_columns = nullptr;
    QDoubleSpinBox *m_testFraction = nullptr;
    QSpinBox *m_seed = nullptr;
    QCheckBox *m_fitOnAll = nullptr;
    QPushButton *m_fitButton = nullptr;
    QPushButton *m_saveCsv = nullptr;
    QPushButton *m_saveParameters = nullptr;
    QComboBox *m_shown = nullptr;
    MessageBanner *m_status = nullptr;
    HistogramPlot *m_before = nullptr;
    HistogramPlot *m_after = nullptr;
    std::optional<ScaleResult> m_result;
};

} // namespace loupe
