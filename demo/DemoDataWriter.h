#pragma once
// Fills an empty database with the core's demo scenario: a user for every
// role (passwords in the README) and weeks of fictional calls, stored as the
// intake form stores them. A scenario made without a router is made again
// from its seed and end with the database's rule book, so every call carries
// the recommendation the form would show.
#include "core/Clock.h"
#include "core/DemoScenario.h"
#include "core/roster/Schedule.h"
#include "store/Actor.h"
#include "store/StoreError.h"

#include <QList>
#include <QMap>
#include <QStringList>
#include <utility>
#include <vector>

namespace heart::store {

class Database;

class DemoDataWriter
{
public:
    DemoDataWriter(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}
    // In one transaction: a failure leaves nothing of the demo behind.
    StoreError write(const DemoScenario& scenario, const QString& workstation);

private:
    StoreError writeAll(const DemoScenario& scenario, const QString& workstation);
    StoreError writeCalls(const DemoScenario& scenario, const Actor& counselor);
    StoreError writeRoster(const DemoScenario& scenario, const QString& workstation);
    // The history's unit steps and closed follow-ups (DemoCall::clearedAt,
    // followUp), once the units exist.
    StoreError writeHistory(const QString& workstation);
    // The units and their crews (on shift today): CRT-1 on scene at a live
    // call, COR-1 en route to another, CRT-2 and COR-2 available.
    StoreError writeUnits(const DemoScenario& scenario, const Actor& supervisor,
                          const QMap<QString, QStringList>& crews, const QString& workstation);

    Database& m_db;
    const Clock& m_clock;
    std::vector<std::pair<QString, DemoCall>> m_history; // call id, the call: written by writeHistory()
};

} // namespace heart::store
