#pragma once
// Fills an empty database with the core's demo scenario: a user for every
// role (passwords in the README) and weeks of fictional calls.
#include "core/Clock.h"
#include "core/DemoScenario.h"
#include "core/roster/Schedule.h"
#include "store/Actor.h"
#include "store/StoreError.h"

#include <QList>

namespace heart::store {

class Database;

class DemoDataWriter
{
public:
    DemoDataWriter(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}
    StoreError write(const DemoScenario& scenario, const QString& workstation);

private:
    StoreError writeRoster(const DemoScenario& scenario, const QString& workstation);
    // CRT-1 on scene at a live call, CRT-2 available, COR-1 en route.
    StoreError writeUnits(const Actor& supervisor, const QList<roster::StaffMember>& staff, const QString& workstation);

    Database& m_db;
    const Clock& m_clock;
};

} // namespace heart::store
