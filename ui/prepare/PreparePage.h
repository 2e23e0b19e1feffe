#pragma once
// The Prepare page: is the current dataset up to the task (SufficiencyPanel), and scaling fitted on
// the training split only with before/after histograms (ScalingPanel). Both follow the dataset the
// Data page loads.

#include "ui/common/PageContext.h"

#include <QWidget>

namespace loupe {

class ScalingPanel;
class SufficiencyPanel;

class PreparePage : public QWidget {
    Q_OBJECT
public:
    explicit PreparePage(const PageContext &context, QWidget *parent = nullptr);

    SufficiencyPanel *sufficiencyPanel() const { return m_sufficiency; }
    ScalingPanel *scalingPanel() const { return m_scaling; }

private:
    void onDatasetChanged();

    PageContext m_context;
    SufficiencyPanel *m_sufficiency = nullptr;
    ScalingPanel *m_scaling = nullptr;
};

} // namespace loupe
