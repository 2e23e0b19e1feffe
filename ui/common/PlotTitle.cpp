#include "ui/common/PlotTitle.h"

#include <QFontMetrics>

namespace loupe {

namespace {

QFont boldFont(QFont font)
{
    font.setBold(true);
    return font;
}

} // namespace

PlotTitle::PlotTitle(QCustomPlot *plot, const QString &text, const QFont &font)
    : QCPTextElement(plot, text, boldFont(font))
{
}

QSize PlotTitle::minimumOuterSizeHint() const
{
    QSize size = QCPTextElement::minimumOuterSizeHint();
    size.setWidth(std::min(size.width(), 40));
    return size;
}

void PlotTitle::draw(QCPPainter *painter)
{
    const QFont font = mainFont();
    const QString shown = QFontMetrics(font).elidedText(mText, Qt::ElideRight, mRect.width());
    m_elided = shown != mText;
    painter->setFont(font);
    painter->setPen(QPen(mainTextColor()));
    painter->drawText(mRect, mTextFlags, shown, &mTextBoundingRect);
}

} // namespace loupe
