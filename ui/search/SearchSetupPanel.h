#pragma once
// The left side of the Search page: what to optimise (a built-in test function, or a model-spec
// template trained on Fashion-MNIST or on the CSV loaded on the Data page), the search space as a
// form and as the template's JSON (the chapter's hyperas example preloaded; both views stay in
// sync), for the CSV its features (FeatureSelectionPanel, a third tab beside the space: the same
// table as on the Train page), and the search options (sampler, budget, seed, parallel trials,
// study name, metric). Builds the SearchRequest the page starts.
#include "jobs/SearchTypes.h"
#include "core/search/SearchSpace.h"
#include "core/util/Status.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTimer;

namespace loupe {

class DatasetSession;
class FeatureSelectionPanel;
class JobRunner;
class MessageBanner;
class SearchSpaceForm;

class SearchSetupPanel : public QWidget {
    Q_OBJECT
public:
    enum class Objective { Branin, Hartmann6, Rosenbrock, Conditional, FashionMnist, LoadedTable };

    // requires: dataset and runner (which proposes the CSV's features) outlive the panel.
    SearchSetupPanel(DatasetSession *dataset, JobRunner *runner, QWidget *parent = nullptr);

    // The chapter's hyperas template from the resources; empty when they are not linked in.
    static QString chapterTemplateText();

    Objective objective() const;
    void setObjective(Objective objective);
    QString templateText() const;
    void setTemplateText(const QString &text);
    void setMaxEvals(int evals);
    int maxEvals() const;
    void setSeed(int seed);
    void setJobs(int jobs);
    void setSampler(const QString &sampler); // random, tpe, tpe-hyperopt, tpe-optuna
    void setStudyName(const QString &name);
    QString studyName() const;
    void setImageLimit(int images);

    // The space the current objective searches: the parsed template, or the test function's.
    // InvalidInput with the template error (JSON path) otherwise.
    Result<SearchSpace> space() const;
    // The request for the current settings; InvalidInput naming the field that is unusable.
    Result<SearchRequest> request(const QString &storage, bool resume) const;

    // Puts the chapter's template back into the editor; asks `confirm` first when the editor holds
    // edits (the default asks with a dialog). Training objectives only.
    void resetTemplate();
    void setConfirmation(std::function<bool(const QString &question)> confirm) { m_confirm = std::move(confirm); }

    SearchSpaceForm *form() const { return m_form; }
    QPushButton *resetTemplateButton() const { return m_resetTemplate; }
    QPlainTextEdit *templateEditor() const { return m_template; }
    MessageBanner *spaceStatus() const { return m_spaceStatus; }
    FeatureSelectionPanel *featurePanel() const { return m_features; }
    QTabWidget *spaceTabs() const { return m_spaceTabs; }

Q_SIGNALS:
    void settingsChanged();

private:
    QWidget *buildObjectiveGroup();
    QWidget *buildSpaceGroup(JobRunner *runner);
    QWidget *buildOptionsGroup();
    void refreshSpace();
    void onDistributionEdited(const QString &path, const nlohmann::json &distribution);
    void onDatasetChanged();
    void updateObjectiveUi();
    void onObjectiveChanged();
    bool isTrainingObjective() const;

    DatasetSession *m_dataset = nullptr;
    QComboBox *m_objective = nullptr;
    QComboBox *m_target = nullptr;
    QLabel *m_targetLabel = nullptr;
    QSpinBox *m_imageLimit = nullptr;
    QLabel *m_imageLimitLabel = nullptr;
    QComboBox *m_metric = nullptr;
    QLabel *m_metricLabel = nullptr;
    QTabWidget *m_spaceTabs = nullptr;
    FeatureSelectionPanel *m_features = nullptr;
    SearchSpaceForm *m_form = nullptr;
    QPlainTextEdit *m_template = nullptr;
    MessageBanner *m_spaceStatus = nullptr;
    QTimer *m_reparse = nullptr;
    QComboBox *m_sampler = nullptr;
    QSpinBox *m_maxEvals = nullptr;
    QSpinBox *m_seed = nullptr;
    QSpinBox *m_jobs = nullptr;
    QLineEdit *m_studyName = nullptr;
    QPushButton *m_resetTemplate = nullptr;
    // A test function's space is shown in the editor read-only; the training template waits here
    // meanwhile, so switching objectives never loses an edited template.
    QString m_trainingTemplate;
    bool m_editorHoldsTrainingTemplate = true;
    std::function<bool(const QString &)> m_confirm;
};

} // namespace loupe
