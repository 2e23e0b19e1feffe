#pragma once
// The left side of the Train page, in two tabs. Data: what to train on (Fashion-MNIST, or the CSV
// loaded on the Data page with a target column and its scaling: "as the model spec says" unless the
// user picks a method, which then beats the spec's "scaling" key, docs/scaling.md) and, for a CSV,
// its features (FeatureSelectionPanel: which columns, why the others are left out, the one-hot cap,
// missing values, the target's class balance). Model: the model spec (a JSON editor preloaded with
// the chapter's model, resources/models/chapter-mlp.json) and overrides of its epochs, batch size,
// seed, learning rate and learning-rate schedule (sent from the Learning-rate page's designer).
// Below both, SpecFitBar offers to adapt a spec that does not fit the CSV's features or classes.
// Builds the TrainRequest the page starts; follows the shared DatasetSession.

#include "jobs/TrainTypes.h"
#include "core/optim/ScheduleSpec.h"
#include "core/prep/ScalingMethod.h"
#include "core/util/Status.h"

#include <optional>

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace loupe {

class DatasetSession;
class FeatureSelectionPanel;
class JobRunner;
class SpecFitBar;

class TrainSetupPanel : public QWidget {
    Q_OBJECT
public:
    enum class Source { FashionMnist, LoadedTable };
    enum class OverrideRow { Epochs, LearningRate, Schedule };

    // requires: dataset and runner (which proposes the features off the UI thread) outlive the panel.
    TrainSetupPanel(DatasetSession *dataset, JobRunner *runner, QWidget *parent = nullptr);

    // Hides an override row a tool ignores (a finder has no epochs, a snapshot ensemble its own
    // schedule); a hidden row's value is not put into request().
    void hideOverride(OverrideRow row);

    // The chapter's model spec from the resources; empty when they are not linked in.
    static QString chapterSpecText();

    Source source() const;
    // requires: a table is loaded when choosing Source::LoadedTable. Loading another CSV selects it.
    void setSource(Source source);
    QString specText() const;
    void setSpecText(const QString &text);
    QString targetColumn() const;
    // requires: the loaded table has that column.
    void setTargetColumn(const QString &name);
    // The user's explicit scaling for a loaded table; nullopt (the default): as the model spec says.
    std::optional<ScalingMethod> scaling() const;
    void setScaling(const std::optional<ScalingMethod> &scaling);
    void setEpochs(int epochs);         // 0: the spec's
    void setBatchSize(int batchSize);   // 0: the spec's
    void setSeed(int seed);             // -1: the spec's
    void setImageLimit(int images);     // Fashion-MNIST: 0 = all
    // Fills the learning-rate override (e.g. from the finder); it replaces a schedule, which would
    // otherwise set the rate. A schedule, in turn, empties and locks the override while it applies.
    void setLearningRate(double rate);
    // The schedule that replaces the spec's (nullopt: the spec's own). requires: validate() ok.
    void setSchedule(const std::optional<ScheduleSpec> &schedule);
    const std::optional<ScheduleSpec> &schedule() const { return m_schedule; }
    // "cosine: lr0 0.01, length 5, per epoch"
    static QString describeSchedule(const ScheduleSpec &schedule);

    // The workspace whose folder "Save spec…" proposes (a database path; empty or a URL: home).
    void setWorkspace(const QString &workspace) { m_workspace = workspace; }
    // The spec in the editor with the features and scaling the page would train with (SpecWithPlan).
    Result<QString> specTextWithPlan() const;
    // "Save spec…": asks where (SpecWithPlan::proposedPath), writes specTextWithPlan(); an error in words
    // (empty when saved or cancelled).
    QString saveSpecWithDialog();
    QPushButton *saveSpecButton() const { return m_saveSpec; }

    // The request for the current settings. InvalidInput naming the field when one is unusable
    // (no table loaded, no target, a learning rate that is not a number).
    Result<TrainRequest> request(const QString &workspace) const;

    QComboBox *sourceCombo() const { return m_source; }
    QLabel *scheduleLabel() const { return m_scheduleLabel; }
    QComboBox *targetCombo() const { return m_target; }
    QComboBox *scalingCombo() const { return m_scaling; }
    QPlainTextEdit *specEditor() const { return m_spec; }
    FeatureSelectionPanel *featurePanel() const { return m_features; }
    SpecFitBar *specFitBar() const { return m_specFit; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    void settingsChanged();
    // "Save spec…" wrote the spec there.
    void specSaved(const QString &path);

private:
    QWidget *buildDataGroup();
    QWidget *buildSpecGroup();
    QWidget *buildOverridesGroup();
    QWidget *buildFeaturesGroup(JobRunner *runner);
    void onDatasetChanged();
    void updateSourceUi();
    void checkSpecFit();
    // A spec with "features" sets the feature table's choices (once per distinct "features").
    void followSpecFeatures();

    DatasetSession *m_dataset = nullptr;
    QComboBox *m_source = nullptr;
    QComboBox *m_target = nullptr;
    QLabel *m_targetLabel = nullptr;
    QComboBox *m_scaling = nullptr;
    QLabel *m_scalingLabel = nullptr;
    QSpinBox *m_imageLimit = nullptr;
    QLabel *m_imageLimitLabel = nullptr;
    QPlainTextEdit *m_spec = nullptr;
    QSpinBox *m_epochs = nullptr;
    QSpinBox *m_batchSize = nullptr;
    QSpinBox *m_seed = nullptr;
    QLineEdit *m_learningRate = nullptr;
    QLabel *m_scheduleLabel = nullptr;
    QPushButton *m_clearSchedule = nullptr;
    std::optional<ScheduleSpec> m_schedule;
    QWidget *m_scheduleRow = nullptr;
    QTabWidget *m_tabs = nullptr;
    QWidget *m_featuresGroup = nullptr;
    FeatureSelectionPanel *m_features = nullptr;
    SpecFitBar *m_specFit = nullptr;
    const Table *m_shownTable = nullptr; // the table the panel last followed (identity only)
    QPushButton *m_saveSpec = nullptr;
    QString m_workspace;
    std::string m_followedFeatures; // the spec's "features" last applied to the feature table
};

} // namespace loupe
