#include "app/cli/CliWorkspace.h"

#include "db/store/ConnectionSpec.h"

#include "db/store/Store.h"

namespace loupe::cli {

CliWorkspace::CliWorkspace(QString location, WorkspaceUse use, Opened opened)
    : m_location(std::move(location)), m_use(use), m_opened(std::move(opened))
{
}

QString CliWorkspace::displayLocation() const
{
    return ConnectionSpec::displayNameOf(m_location);
}

CliWorkspace::~CliWorkspace() = default;

Result<Store *> CliWorkspace::store()
{
    Q_ASSERT(isEnabled());
    if (m_store)
        return m_store.get();
    auto opened = Store::open(m_location);
    if (!opened.isOk())
        return opened.status();
    m_store = opened.takeValue();
    if (m_opened)
        m_opened(*m_store);
    return m_store.get();
}

} // namespace loupe::cli
