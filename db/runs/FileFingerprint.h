#pragma once
// FileFingerprint: identifies the content of a data file for the datasets table.
//
// contentHash is "fnv1a64:" + 16 lower-case hex digits of the 64-bit FNV-1a hash (offset basis
// 0xcbf29ce484222325, prime 0x100000001b3) of every byte of the file, read in 1 MiB blocks.
// Hashing the whole file (not size+mtime) means a touched-but-unchanged file keeps its identity and
// an edit that keeps size and mtime is still noticed. FNV-1a is not cryptographic: it detects
// changes, it does not defend against someone forging a collision. The file is read once,
// sequentially; the hash costs one xor and one multiply per byte.

#include "core/util/CancellationToken.h"
#include "core/util/Status.h"

#include <QDateTime>
#include <QString>

namespace loupe {

class FileFingerprint {
public:
    // Reads the whole file. Fails (IoError) naming the path if it cannot be read; returns
    // Status::cancelled() if `cancel` is set while reading.
    static Result<FileFingerprint> ofFile(const QString &path, const CancellationToken *cancel = nullptr);
    // The FNV-1a 64 hash of `bytes` continued from `state` (start with fnvOffsetBasis).
    static quint64 fnv1a64(const char *bytes, qint64 size, quint64 state);
    static constexpr quint64 fnvOffsetBasis = 0xcbf29ce484222325ULL;

    QString path;          // absolute path
    qint64 sizeBytes = 0;
    QDateTime modifiedAt;  // UTC, informative only
    QString contentHash;   // "fnv1a64:<16 hex digits>"
};

} // namespace loupe
