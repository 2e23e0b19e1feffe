#pragma once
// File dialogs that open where the user last was: one remembered folder per purpose (QSettings), so opening
// a CSV starts in the folder of the last data file, saving a suite in the folder of the last suite, an
// export in the folder of the last export. Every QFileDialog of ui/ goes through here.
//   DataFiles  CSV files read or written as data (Open CSV, scaled and cleaned copies)
//   Suites     data-test suites (open, save)
//   Exports    reports, plots, trial tables, scaler parameters
//   Specs      model specs read by a page
// A remembered folder that no longer exists is forgotten in favour of the caller's fallback (home when
// none). Only the folder is kept, never the file name.

#include <QString>

class QWidget;

namespace loupe {

enum class FolderPurpose { DataFiles, Suites, Exports, Specs };

class RecentFolder {
public:
    // The folder a dialog for `purpose` starts in: the remembered one, else `fallback`, else home.
    static QString folder(FolderPurpose purpose, const QString &fallback = QString());
    // Remembers the folder of `chosenPath` (a file) for `purpose`. Empty paths are ignored.
    static void remember(FolderPurpose purpose, const QString &chosenPath);
    // The QSettings key of a purpose ("data/lastDirectory", "folders/suites", ...).
    static QString settingsKey(FolderPurpose purpose);

    // QFileDialog::getOpenFileName started in folder(purpose, fallbackFolder); remembers the choice.
    static QString getOpenFileName(QWidget *parent, FolderPurpose purpose, const QString &caption, const QString &filter,
                                   const QString &fallbackFolder = QString());
    // QFileDialog::getSaveFileName proposing `proposed`: a bare file name goes into folder(purpose,
    // fallbackFolder); an absolute path is proposed as it is (the caller knows the file, e.g. a suite saved
    // back where it came from). Remembers the choice.
    static QString getSaveFileName(QWidget *parent, FolderPurpose purpose, const QString &caption,
                                   const QString &proposed, const QString &filter,
                                   const QString &fallbackFolder = QString());
};

} // namespace loupe
