#pragma once
// The schedule designer of the Learning-rate page: choose a schedule kind
// (constant, the chapter's cosine, cosine with restarts, SGDR, step,
// exponential, one-cycle), edit its parameters (one field per ScheduleSpec key,
// prefilled with the kind's defaults), a linear warm-up, per epoch or per step,
// and see the rates for t = 0 .. n-1 redrawn as any field changes (log-y
// toggle). A field that does not parse shows ScheduleSpec's message (naming the
// key) instead of the curve. The current schedule as JSON (ScheduleSpec::toJson,
// the form of loupe-cli train --schedule) is in a box to copy from, or to paste
// or type a schedule into: it sets the form as soon as it reads, and says where
// it does not (ScheduleJsonEditor). "Use for training" sends the schedule to the
// Train page (scheduleChosen), enabled while the form and the box both read. A value clicked on the
// preview can be sent instead as a constant rate ("Use the rate at epoch t", learningRateChosen).

#include "core/optim/ScheduleSpec.h"

#include <QMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace loupe {

class ScheduleJsonEditor;
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
    // Sets the whole form (kind, parameters, warm-up, unit) to `schedule`.
    void setSchedule(const ScheduleSpec &schedule);

    // The schedule the fields describe; InvalidInput "<key>: ..." when one is
    // unusable.
    Result<ScheduleSpec> spec() const;
    SchedulePreviewPlot *previewPlot() const { return m_plot; }
    QCheckBox *logScaleCheck() const { return m_logScale; }
    QPushButton *useButton() const { return m_use; }
    QPushButton *useRateButton() const { return m_useRate; }
    ScheduleJsonEditor *jsonEditor() const { return m_json; }

Q_SIGNALS:
    void scheduleChanged();
    // "Use for training": the schedule the fields describe (valid).
    void scheduleChosen(const loupe::ScheduleSpec &schedule);
    // "Use the rate at ...": the rate picked on the preview, to train with as a constant rate.
    void learningRateChosen(double learningRate);

private:
    QWidget *buildControls();
    void rebuildParameterFields();
    void updatePreview();
    void updateUseButton();
    void updateUseRateButton();

    QComboBox *m_kind = nullptr;
    QComboBox *m_unit = nullptr;
    QSpinBox *m_warmup = nullptr;
    QSpinBox *m_length = nullptr;
    QCheckBox *m_logScale = nullptr;
    QFormLayout *m_parameterForm = nullptr;
    QMap<QString, QLineEdit *> m_fields;
    ScheduleJsonEditor *m_json = nullptr;
    bool m_applyingJson = false; // the form is being set from the JSON box: leave the box's text alone
    QPushButton *m_use = nullptr;
    QPushButton *m_useRate = nullptr;
    SchedulePreviewPlot *m_plot = nullptr;
};

} // namespace loupe
