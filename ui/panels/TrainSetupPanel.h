#pragma once
// The left side of the Train page: what to train on (Fashion-MNIST, or the CSV loaded on the Data
// page with a target column), the model spec (a JSON editor preloaded with the chapter's model,
// resources/models/chapter-mlp.json) and overrides of its epochs, batch size, seed and learning
// rate. Builds the TrainRequest the page starts; follows the shared DatasetSession.

#include "app/jobs/TrainTypes.h"
#include "core/util/Status.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace loupe {

class DatasetSession;

class TrainSetupPanel : public QWidget {
    Q_OBJECT
public:
    enum class Source { FashionMnist, LoadedTable };

    // requires: dataset outlives the panel.
    explicit TrainSetupPanel(DatasetSession *dataset, QWidget *parent = nullptr);

    // The chapter's model spec from the resources; empty when they are not linked in.
    static QString chapterSpecText();

    Source source() const;
    // requires: a table is loaded when choosing Source::LoadedTable.
    void setSource(Source source);
    QString specText() const;
    void setSpecText(const QString &text);
    QString targetColumn() const;
    // requires: the loaded table has that column.
    void setTargetColumn(const QString &name);
    void setEpochs(int epochs);         // 0: the spec's
    void setBatchSize(int batchSize);   // 0: the spec's
    void setSeed(int seed);             // -1: the spec's
    void setImageLimit(int images);     // Fashion-MNIST: 0 = all
    void setLearningRate(double rate);  // fills the learning-rate override (e.g. from the finder)

    // The request for the current settings. InvalidInput naming the field when one is unusable
    // (no table loaded, no target, a learning rate that is not a number).
    Result<TrainRequest> request(const QString &workspace) const;

    QComboBox *sourceCombo() const { return m_source; }
    QComboBox *targetCombo() const { return m_target; }
    QPlainTextEdit *specEditor() const { return m_spec; }

Q_SIGNALS:
    void settingsChanged();

private:
    QWidget *buildDataGroup();
    QWidget *buildSpecGroup();
    QWidget *buildOverridesGroup();
    void onDatasetChanged();
    void updateSourceUi();

    DatasetSession *m_dataset = nullptr;
    QComboBox *m_source = nullptr;
    QComboBox *m_target = nullptr;
    QLabel *m_targetLabel = nullptr;
    QSpinBox *m_imageLimit = nullptr;
    QLabel *m_imageLimitLabel = nullptr;
    QPlainTextEdit *m_spec = nullptr;
    QSpinBox *m_epochs = nullptr;
    QSpinBox *m_batchSize = nullptr;
    QSpinBox *m_seed = nullptr;
    QLineEdit *m_learningRate = nullptr;
};

} // namespace loupe
