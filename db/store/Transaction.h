#pragma once
// Transaction: RAII scope for a database transaction on a Store.
//
//   auto tx = Transaction::begin(store);
//   if (!tx.isOk()) return tx.status();
//   ... writes ...
//   return tx.value().commit();   // without commit(), the destructor rolls back
//
// The outermost Transaction is a real transaction (SQLite: BEGIN IMMEDIATE, so the write lock is
// taken up front and waits up to the busy timeout instead of failing on upgrade; PostgreSQL:
// BEGIN). A Transaction begun while another is open on the same Store is a SAVEPOINT: its
// rollback undoes only its own writes, its commit folds them into the outer transaction.
// requires: Transactions on one Store end in reverse order of beginning; a Transaction does not
// outlive its Store; same thread as the Store.

#include "core/util/Status.h"

namespace loupe {

class Store;

class Transaction {
public:
    static Result<Transaction> begin(Store &store);

    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    // Rolls back if still active (neither commit() nor rollback() succeeded).
    ~Transaction();

    // ensures: on success the writes are durable (or folded into the outer transaction) and
    // isActive() is false. On failure the transaction stays active and the destructor rolls back.
    Status commit();
    // ensures: isActive() is false (the Store's transaction depth is released even when the
    // database reports an error, which is returned).
    Status rollback();
    bool isActive() const { return m_store != nullptr; }

private:
    Transaction(Store *store, int depth) : m_store(store), m_depth(depth) {}
    Store *m_store = nullptr; // null once committed, rolled back or moved from
    int m_depth = 0;          // 1 = outermost transaction, >1 = savepoint
};

} // namespace loupe
