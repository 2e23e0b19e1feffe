#include "db/store/Transaction.h"

#include "db/store/Store.h"

#include <QtGlobal>

namespace loupe {
namespace {

QString savepointName(int depth)
{
    return QStringLiteral("loupe_savepoint_%1").arg(depth);
}

} // namespace

Result<Transaction> Transaction::begin(Store &store)
{
    const int depth = store.m_transactionDepth + 1;
    QString sql;
    if (depth > 1)
        sql = QStringLiteral("SAVEPOINT ") + savepointName(depth);
    else if (store.backend() == StoreBackend::Sqlite)
        sql = QStringLiteral("BEGIN IMMEDIATE");
    else
        sql = QStringLiteral("BEGIN");
    const Status status = store.exec(sql);
    if (!status.isOk())
        return status;
    store.m_transactionDepth = depth;
    return Transaction(&store, depth);
}

Transaction::Transaction(Transaction &&other) noexcept : m_store(other.m_store), m_depth(other.m_depth)
{
    other.m_store = nullptr;
}

Transaction::~Transaction()
{
    if (!isActive())
        return;
    const Status status = rollback();
    if (!status.isOk())
        qWarning("loupe: rollback failed: %s", status.message().c_str());
}

Status Transaction::commit()
{
    Q_ASSERT(isActive());
    Q_ASSERT_X(m_store->m_transactionDepth == m_depth, "Transaction", "nested transactions end in reverse order");
    const QString sql = m_depth > 1 ? QStringLiteral("RELEASE SAVEPOINT ") + savepointName(m_depth)
                                    : QStringLiteral("COMMIT");
    const Status status = m_store->exec(sql);
    if (!status.isOk())
        return status;
    m_store->m_transactionDepth = m_depth - 1;
    m_store = nullptr;
    return Status::ok();
}

Status Transaction::rollback()
{
    Q_ASSERT(isActive());
    Q_ASSERT_X(m_store->m_transactionDepth == m_depth, "Transaction", "nested transactions end in reverse order");
    Status status;
    if (m_depth > 1) {
        const QString name = savepointName(m_depth);
        status = m_store->exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + name);
        if (status.isOk())
            status = m_store->exec(QStringLiteral("RELEASE SAVEPOINT ") + name);
    } else {
        status = m_store->exec(QStringLiteral("ROLLBACK"));
    }
    m_store->m_transactionDepth = m_depth - 1;
    m_store = nullptr;
    return status;
}

} // namespace loupe
