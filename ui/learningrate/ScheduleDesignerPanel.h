#pragma once
// The schedule designer of the Learning-rate page: choose a schedule kind
// (constant, the chapter's cosine, cosine with restarts, SGDR, step,
// exponential, one-cycle), edit its parameters (one field per ScheduleSpec key,
// prefilled with the kind's defaults), a linear warm-up, per epoch or per step,
// and see the rates for t = 0 .. n-1 redrawn as any field changes (log-y
// toggle). A field that does not parse shows ScheduleSpec's message (naming the
// key) instead of the curve. The current schedule as JSON
// (ScheduleSpec::toJson) is shown read-only for copying to the CLI; "Use for
// training" sends it to the Train page (scheduleChosen), enabled while it parses.

#include "core/optim/ScheduleSpec.h"

#include <QMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace loupe {

class SchedulePreviewPlot;

class ScheduleDesignerPanel : public QWidget {
    Q_OBJECT
public:
    explicit ScheduleDesignerPanel(QWidget *parent = nullptr);

    // Selects the kind and refills its fields with the kind's defaults.
    void setKind(ScheduleKind kind);
    ScheduleKind kind() const;
    // Sets the field of a ScheduleSpec key of the current kind (e.g. "lr0",
    // "length"); returns false when the kind has no such field.
    bool setParameter(const QString &key, const QString &text);
    void setUnit(ScheduleUnit unit);
    void setWarmup(int warmup);
    void setPreviewLength(int count); // t = 0 .. count-1, >= 1

    // The schedule the fields describe; InvalidInput "<key>: ..." when one is
    // unusable.
    Result<ScheduleSpec> spec() const;
    SchedulePreviewPlot *previewPlot() const { return m_plot; }
    QCheckBox *logScaleCheck() const { return m_logScale; }
    QPushButton *useButton() const { return m_use; }

Q_SIGNALS:
    void scheduleChanged();
    // "Use for training": the schedule the fields describe (valid).
    void scheduleChosen(const loupe::ScheduleSpec &schedule);

private:
    QWidget *buildControls();
    void rebuildParameterFields();
    void updatePreview();

    QComboBox *m_kind = nullptr;
    QComboBox *m_unit = nullptr;
    QSpinBox *m_warmup = nullptr;
    QSpinBox *m_length = nullptr;
    QCheckBox *m_logScale = nullptr;
    QFormLayout *m_parameterForm = nullptr;
    QMap<QString, QLineEdit *> m_fields;
    QPlainTextEdit *m_json = nullptr;
    QPushButton *m_use = nullptr;
    SchedulePreviewPlot *m_plot = nullptr;
};

} // namespace loupe
