#include "ui/common/MessageBanner.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace loupe {

namespace {

constexpr int kIconSize = 16;

// The one palette: per kind its text (readable on white and on its background), background and
// border colours, its standard icon and its accessible name. Indexed by MessageBanner::Kind.
struct KindStyle {
    QRgb text;
    QRgb background;
    QRgb border;
    QStyle::StandardPixmap icon;
    const char *name;
};

const KindStyle &styleOf(MessageBanner::Kind kind)
{
    static const KindStyle styles[] = {
        {0x1f4e79, 0xeef5fb, 0xc8dcf0, QStyle::SP_MessageBoxInformation,
         QT_TRANSLATE_NOOP("loupe::MessageBanner", "Information")},
        {0x7a5200, 0xfff8e1, 0xffe082, QStyle::SP_MessageBoxWarning,
         QT_TRANSLATE_NOOP("loupe::MessageBanner", "Warning")},
        {0xa8201a, 0xfdecea, 0xf5c2c0, QStyle::SP_MessageBoxCritical,
         QT_TRANSLATE_NOOP("loupe::MessageBanner", "Error")},
    };
    return styles[int(kind)];
}

} // namespace

MessageBanner::MessageBanner(QWidget *parent) : QFrame(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 5, 8, 5);
    layout->setSpacing(8);
    m_icon = new QLabel(this);
    m_icon->setFixedSize(kIconSize, kIconSize);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    m_text = new QLabel(this);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    layout->addWidget(m_text, 1);
    setFixedHeight(reservedHeight());
    clear();
}

int MessageBanner::reservedHeight() const
{
    const QMargins margins = layout()->contentsMargins();
    constexpr int kBorders = 2; // the style sheet's 1 px border, top and bottom
    return 2 * fontMetrics().lineSpacing() + margins.top() + margins.bottom() + kBorders;
}

void MessageBanner::showMessage(const QString &text, Kind kind)
{
    if (text.isEmpty()) {
        clear();
        return;
    }
    m_kind = kind;
    m_empty = false;
    m_text->setText(text);
    setToolTip(text);
    const KindStyle &look = styleOf(kind);
    m_icon->setPixmap(style()->standardIcon(look.icon, nullptr, this).pixmap(kIconSize, kIconSize));
    setStyleSheet(QStringLiteral("loupe--MessageBanner { background: %1; border: 1px solid %2; border-radius: 3px; }"
                                 " QLabel { color: %3; background: transparent; border: none; }")
                      .arg(QColor(look.background).name(), QColor(look.border).name(), QColor(look.text).name()));
    setAccessibleName(tr(look.name));
    setAccessibleDescription(text);
    show();
    if (kind != Kind::Info) {
        QAccessibleEvent alert(this, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

void MessageBanner::clear()
{
    m_empty = true;
    m_text->clear();
    m_icon->clear();
    setToolTip(QString());
    setStyleSheet(QStringLiteral("loupe--MessageBanner { background: transparent; border: 1px solid transparent; }"));
    setAccessibleDescription(QString());
}

QString MessageBanner::text() const
{
    return m_empty ? QString() : m_text->text();
}

QColor MessageBanner::textColor(Kind kind)
{
    return QColor(styleOf(kind).text);
}

} // namespace loupe
