#include "db/runs/FileFingerprint.h"

#include <QFile>
#include <QFileInfo>

#include <vector>

namespace loupe {

quint64 FileFingerprint::fnv1a64(const char *bytes, qint64 size, quint64 state)
{
    constexpr quint64 prime = 0x100000001b3ULL;
    const auto *data = reinterpret_cast<const unsigned char *>(bytes);
    for (qint64 i = 0; i < size; ++i) {
        state ^= data[i];
        state *= prime;
    }
    return state;
}

Result<FileFingerprint> FileFingerprint::ofFile(const QString &path, const CancellationToken *cancel)
{
    const QFileInfo info(path);
    QFile file(path);
    if (info.isDir() || !file.open(QIODevice::ReadOnly))
        return Status::ioError("cannot read '" + path.toStdString() + "': "
                               + (info.isDir() ? std::string("is a directory") : file.errorString().toStdString()));
    constexpr qint64 blockSize = 1 << 20;
    std::vector<char> buffer(blockSize);
    quint64 state = fnvOffsetBasis;
    qint64 total = 0;
    while (true) {
        if (cancel && cancel->isCancelled())
            return Status::cancelled();
        const qint64 read = file.read(buffer.data(), blockSize);
        if (read < 0)
            return Status::ioError("error reading '" + path.toStdString() + "': " + file.errorString().toStdString());
        if (read == 0)
            break;
        state = fnv1a64(buffer.data(), read, state);
        total += read;
    }
    FileFingerprint fingerprint;
    fingerprint.path = info.absoluteFilePath();
    fingerprint.sizeBytes = total;
    fingerprint.modifiedAt = info.lastModified().toUTC();
    fingerprint.contentHash = QStringLiteral("fnv1a64:%1").arg(state, 16, 16, QLatin1Char('0'));
    return fingerprint;
}

} // namespace loupe
