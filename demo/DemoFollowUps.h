#pragma once
// The demo's Care Navigation queue: follow-ups after a few signed CRT
// encounters (one with a safety plan) and CCD check-ins after the last
// week's diverted calls, worked by the demo's care navigator so that every
// state shows: open and unassigned, claimed, due soon, overdue (one given to
// the peer support specialist, one with its attempts extended), and closed
// with each outcome (connected to a directory service or to one named in
// free text, declined, already connected, unable to reach after three
// attempts). Everything goes through the stores (signing creates the
// follow-ups, as in life) on a clock set to when each step would have
// happened, so due times sit where they would relative to `clock`'s now.
// Only the task nearest its due time may be moved, when no task happens to
// be due soon, so that state always shows.
#include "core/Clock.h"
#include "store/StoreError.h"

#include <QString>

namespace heart::store {

class Database;

// After the demo's users, calls, units and directory are written.
StoreError writeDemoFollowUps(Database& db, const Clock& clock, const QString& workstation);

} // namespace heart::store
