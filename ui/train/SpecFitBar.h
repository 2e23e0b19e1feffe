#pragma once
// Below the training setup: says when the model spec does not fit the CSV's features or classes
// (ModelSpecFit: "the spec expects 784 inputs and 10 output(s); the data gives 27 inputs and 2
// classes") and offers a button that rewrites the spec to fit (inputs from the data, one output
// per class), instead of a failure at Start. Hidden while the spec fits, does not parse, or there
// is no plan (Fashion-MNIST, a proposal still being computed).

#include "core/train/FeaturePlan.h"

#include <QWidget>

class QPushButton;

namespace loupe {

class MessageBanner;

class SpecFitBar : public QWidget {
    Q_OBJECT
public:
    explicit SpecFitBar(QWidget *parent = nullptr);

    // plan nullptr: nothing to fit (hides the bar).
    void check(const QString &specText, const FeaturePlan *plan);
    bool isMismatch() const { return !m_adapted.isEmpty(); }
    QString message() const;
    QPushButton *adaptButton() const { return m_adapt; }

Q_SIGNALS:
    // The spec rewritten to fit the plan (canonical JSON), when the button is clicked.
    void adaptRequested(const QString &specJson);

private:
    MessageBanner *m_banner = nullptr;
    QPushButton *m_adapt = nullptr;
    QString m_adapted; // the fitted spec while it does not fit, else empty
};

} // namespace loupe
