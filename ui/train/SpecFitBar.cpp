#include "ui/train/SpecFitBar.h"

#include "ui/common/MessageBanner.h"

#include "core/train/ModelSpecFit.h"

#include <QHBoxLayout>
#include <QPushButton>

namespace loupe {

SpecFitBar::SpecFitBar(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("specFitMessage"));
    layout->addWidget(m_banner, 1);
    m_adapt = new QPushButton(tr("Adapt the spec"), this);
    m_adapt->setObjectName(QStringLiteral("adaptSpec"));
    m_adapt->setToolTip(tr("Take the inputs from the data and give the output layer one unit per class "
                           "(one linear unit with mse for a number); hidden layers and training settings stay"));
    layout->addWidget(m_adapt, 0, Qt::AlignTop);
    connect(m_adapt, &QPushButton::clicked, this, [this] {
        if (!m_adapted.isEmpty())
            Q_EMIT adaptRequested(m_adapted);
    });
    hide();
}

QString SpecFitBar::message() const
{
    return m_banner->text();
}

void SpecFitBar::check(const QString &specText, const FeaturePlan *plan)
{
    m_adapted.clear();
    m_banner->clear();
    m_banner->setToolTip(QString());
    hide();
    // The spec is read as the user types, so a JSON or spec error shows at once (with its line and
    // column), not only when Start is pressed.
    auto spec = ModelSpec::parse(specText.toStdString());
    if (!spec.isOk()) {
        m_banner->showMessage(tr("The model spec has a problem: %1").arg(QString::fromStdString(spec.message())),
                              MessageBanner::Kind::Error);
        m_adapt->hide();
        show();
        return;
    }
    if (!plan || plan->columns.empty())
        return;
    const SpecFit fit = ModelSpecFit::check(spec.value(), *plan);
    if (fit.fits())
        return;
    m_adapted = QString::fromStdString(ModelSpecFit::adapt(spec.value(), *plan).toJsonText());
    // Short enough for the banner's two lines beside the button at 1280x720; the tooltip says the rest.
    m_banner->showMessage(tr("Does not fit the data: %1.").arg(QString::fromStdString(fit.describe())),
                          MessageBanner::Kind::Warning);
    m_banner->setToolTip(tr("The model spec does not fit this data: %1. Training would stop at the start; "
                            "\"Adapt the spec\" fits its input and output layers to the data.")
                             .arg(QString::fromStdString(fit.describe())));
    m_adapt->show();
    show();
}

} // namespace loupe
