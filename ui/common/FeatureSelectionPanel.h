#pragma once
// Which columns of the loaded CSV a model trains on: the feature table (FeaturePlanModel: name,
// role, why, type, encoding, distinct values, missing values), the one-hot level cap, the
// missing-value policy, the target's class balance and a summary. What it shows is the plan the
// training will use: FeaturePlanner's proposal for the same options TrainingDataService plans
// with (applyTo + TrainingDataService::planOptionsFor), computed off the UI thread by a
// FeaturePlanJob after each change (coalesced), and only while the panel is visible (a page not
// looked at costs nothing; the request needs only the choices); the user's role choices show at once.
// Used by the Train and Learning-rate pages (through TrainSetupPanel).

#include "core/data/Table.h"
#include "core/train/SpecFeatures.h"
#include "core/train/TrainingDataRequest.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace loupe {

class FeaturePlanModel;
class JobRunner;

class FeatureSelectionPanel : public QWidget {
    Q_OBJECT
public:
    // requires: runner outlives the panel.
    explicit FeatureSelectionPanel(JobRunner *runner, QWidget *parent = nullptr);
    ~FeatureSelectionPanel() override;

    // Another table drops the user's choices; nullptr empties the panel.
    void setTable(std::shared_ptr<const Table> table);
    void setTarget(const QString &target);
    QString target() const { return m_target; }

    // The user's choices as a request's columns: excluded / kept (the choices), selection Proposed,
    // maxFeatureLevels and missing (nullopt: as proposed); for a class target the class weighting and
    // resampling shown (nullopt for a number target or before a plan says which it is).
    void applyTo(TrainingDataRequest &request) const;

    // A spec's saved choices (its "features"): roles, one-hot cap, missing values, class weights and
    // resampling; what the spec leaves out keeps the panel's current choice.
    void applySpecFeatures(const SpecFeatures &features);

    const FeaturePlan &plan() const;
    bool hasPlan() const;
    // A proposal is being computed (or about to be).
    bool isComputing() const;
    // The planner's error (an unknown target), empty otherwise.
    QString error() const { return m_error; }

    FeaturePlanModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QSpinBox *levelCap() const { return m_levelCap; }
    QComboBox *missingPolicy() const { return m_missing; }
    // Class target only (hidden otherwise): class weights (none / balanced) and resampling (none /
    // oversample / undersample) of the training rows. The weights follow the plan's suggestion
    // (balanced when the rarest class is under 10 %, said in balanceNoteLabel) until the user picks one.
    QComboBox *classWeighting() const { return m_classWeight; }
    QComboBox *resampling() const { return m_resample; }
    QLabel *balanceNoteLabel() const { return m_balanceNote; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *balanceLabel() const { return m_balance; }
    // The whole reason of the selected row.
    QLabel *detailLabel() const { return m_detail; }

    // "false 98,713 (98.7 %) · true 1,287 (1.3 %)" with a note when one class is rare.
    static QString balanceText(const FeaturePlan &plan);

protected:
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    // A new plan is shown (after a proposal or a choice).
    void planChanged();

private:
    QWidget *buildControls();
    QWidget *buildBalanceControls();
    void followSuggestion();
    void schedulePlan();
    void startPlan();
    void onPlan(const FeaturePlan &plan);
    void onFailed(const QString &message);
    void updateLabels();
    void updateDetail();

    JobRunner *m_runner = nullptr;
    std::shared_ptr<const Table> m_table;
    QString m_target;
    QString m_error;
    quint64 m_planRun = 0;
    bool m_planWhenShown = false; // a proposal was due while the panel was hidden
    FeaturePlanModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QSpinBox *m_levelCap = nullptr;
    QComboBox *m_missing = nullptr;
    QPushButton *m_reset = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_balance = nullptr;
    QLabel *m_missingNote = nullptr;
    QLabel *m_detail = nullptr;
    QTimer *m_replan = nullptr;
    QWidget *m_balanceRow = nullptr;
    QComboBox *m_classWeight = nullptr;
    QComboBox *m_resample = nullptr;
    QLabel *m_balanceNote = nullptr;
    bool m_weightChosen = false; // the user picked the class weights: the suggestion no longer applies
};

} // namespace loupe
