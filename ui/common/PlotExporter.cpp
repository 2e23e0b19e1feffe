#include "ui/common/PlotExporter.h"

#include "ui/common/ExportFile.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QSvgGenerator>
#include <qcustomplot.h>

namespace loupe {

namespace {

// Draws into `drawn` (a private scratch file); `path` is where the user asked for it, for the title and messages.
Status saveSvg(QCustomPlot &plot, const QString &drawn, const QString &path, QSize size)
{
    QSvgGenerator generator;
    generator.setFileName(drawn);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(plot.windowTitle().isEmpty() ? QFileInfo(path).completeBaseName() : plot.windowTitle());
    generator.setDescription(QStringLiteral("Exported by Loupe"));
    QCPPainter painter;
    if (!painter.begin(&generator))
        return Status::ioError("cannot write SVG file " + path.toStdString());
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    plot.toPainter(&painter, size.width(), size.height());
    painter.end();
    if (!QFileInfo(drawn).exists() || QFileInfo(drawn).size() == 0)
        return Status::ioError("cannot write SVG file " + path.toStdString());
    return Status::ok();
}

} // namespace

std::optional<PlotExporter::Format> PlotExporter::formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return Format::Png;
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    if (suffix == QLatin1String("svg"))
        return Format::Svg;
    return std::nullopt;
}

QString PlotExporter::extension(Format format)
{
    switch (format) {
    case Format::Png:
        return QStringLiteral("png");
    case Format::Pdf:
        return QStringLiteral("pdf");
    case Format::Svg:
        return QStringLiteral("svg");
    }
    return QString();
}

QString PlotExporter::dialogFilter(Format format)
{
    switch (format) {
    case Format::Png:
        return QObject::tr("PNG image (*.png)");
    case Format::Pdf:
        return QObject::tr("PDF document (*.pdf)");
    case Format::Svg:
        return QObject::tr("SVG drawing (*.svg)");
    }
    return QString();
}

// QCustomPlot writes to a file name of its own: it draws into a private scratch folder, and the bytes
// reach `path` through ExportFile (checked first, so nothing is drawn for a path that would be refused).
Status PlotExporter::save(QCustomPlot &plot, const QString &path, Format format, QSize size)
{
    if (size.isEmpty())
        size = plot.size().isEmpty() ? QSize(800, 500) : plot.size();
    if (Status checked = ExportFile::check(path, {}); !checked.isOk())
        return checked;
    const QTemporaryDir scratch;
    if (!scratch.isValid())
        return Status::ioError("cannot export " + path.toStdString() + ": no scratch folder ("
                               + scratch.errorString().toStdString() + ")");
    const QString drawn = scratch.filePath(QStringLiteral("plot.") + extension(format));
    bool written = false;
    switch (format) {
    case Format::Png:
        written = plot.savePng(drawn, size.width(), size.height(), 2.0);
        break;
    case Format::Pdf:
        written = plot.savePdf(drawn, size.width(), size.height(), QCP::epNoCosmetic, QStringLiteral("Loupe"),
                               plot.windowTitle());
        break;
    case Format::Svg:
        if (Status svg = saveSvg(plot, drawn, path, size); !svg.isOk())
            return svg;
        written = true;
        break;
    }
    QFile file(drawn);
    if (!written || !file.open(QIODevice::ReadOnly))
        return Status::ioError("cannot write " + extension(format).toUpper().toStdString() + " file " + path.toStdString());
    return ExportFile::write(path, file.readAll());
}

Status PlotExporter::save(QCustomPlot &plot, const QString &path, QSize size)
{
    const std::optional<Format> format = formatForPath(path);
    if (!format)
        return Status::invalidInput("cannot export plot to " + path.toStdString()
                                    + ": unknown file extension (use .png, .pdf or .svg)");
    return save(plot, path, *format, size);
}

QString PlotExporter::csvLine(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &field : fields) {
        if (field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) || field.contains(QLatin1Char('\n'))
            || field.contains(QLatin1Char('\r'))) {
            QString escaped = field;
            escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
            quoted.append(QLatin1Char('"') + escaped + QLatin1Char('"'));
        } else {
            quoted.append(field);
        }
    }
    return quoted.join(QLatin1Char(',')) + QLatin1Char('\n');
}

} // namespace loupe
