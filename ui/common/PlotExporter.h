#pragma once
// Writes a QCustomPlot to PNG, PDF or SVG, and helps plots put their data on the clipboard as CSV.
// Used by PlotWidget (every plot's context menu) and by report exporters.

#include "core/util/Status.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

class QCustomPlot;

namespace loupe {

class PlotExporter {
public:
    enum class Format { Png, Pdf, Svg };

    // By the file's extension (case-insensitive): .png, .pdf, .svg; nullopt otherwise.
    static std::optional<Format> formatForPath(const QString &path);
    static QString extension(Format format);      // "png"
    static QString dialogFilter(Format format);   // "PNG image (*.png)"

    // Writes `plot` to `path`. size: output size in pixels (PNG, SVG) or points (PDF); an empty size
    // means the plot's size on screen. PNG is written at 2x for sharp text.
    // ensures: on failure the message names the path.
    static Status save(QCustomPlot &plot, const QString &path, Format format, QSize size = QSize());
    // The format comes from the extension. Fails (InvalidInput) on an unknown extension.
    static Status save(QCustomPlot &plot, const QString &path, QSize size = QSize());

    // One CSV line: fields quoted when they hold the delimiter, a quote or a line break.
    static QString csvLine(const QStringList &fields);
};

} // namespace loupe
