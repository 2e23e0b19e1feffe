#include "ui/common/RecentFolder.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>

namespace loupe {

QString RecentFolder::settingsKey(FolderPurpose purpose)
{
    switch (purpose) {
    case FolderPurpose::DataFiles:
        return QStringLiteral("data/lastDirectory"); // the Data page's key before there was this class
    case FolderPurpose::Suites:
        return QStringLiteral("folders/suites");
    case FolderPurpose::Exports:
        return QStringLiteral("folders/exports");
    case FolderPurpose::Specs:
        return QStringLiteral("folders/specs");
    }
    return QStringLiteral("folders/other");
}

QString RecentFolder::folder(FolderPurpose purpose, const QString &fallback)
{
    const QString remembered = QSettings().value(settingsKey(purpose)).toString();
    if (!remembered.isEmpty() && QFileInfo(remembered).isDir())
        return remembered;
    if (!fallback.isEmpty() && QFileInfo(fallback).isDir())
        return fallback;
    return QDir::homePath();
}

void RecentFolder::remember(FolderPurpose purpose, const QString &chosenPath)
{
    if (chosenPath.isEmpty())
        return;
    QSettings().setValue(settingsKey(purpose), QFileInfo(chosenPath).absolutePath());
}

QString RecentFolder::getOpenFileName(QWidget *parent, FolderPurpose purpose, const QString &caption,
                                      const QString &filter, const QString &fallbackFolder)
{
    const QString path = QFileDialog::getOpenFileName(parent, caption, folder(purpose, fallbackFolder), filter);
    remember(purpose, path);
    return path;
}

QString RecentFolder::getSaveFileName(QWidget *parent, FolderPurpose purpose, const QString &caption,
                                      const QString &proposed, const QString &filter, const QString &fallbackFolder)
{
    const QString start = QFileInfo(proposed).isAbsolute() ? proposed
                                                            : QDir(folder(purpose, fallbackFolder)).filePath(proposed);
    const QString path = QFileDialog::getSaveFileName(parent, caption, start, filter);
    remember(purpose, path);
    return path;
}

} // namespace loupe
