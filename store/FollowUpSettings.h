#pragma once
// The follow-up policy setting (Setting::FollowUpPolicy) read and written as
// core's FollowUpConfig (JSON in core/followup/FollowUpConfig.h). Empty (never
// set) means core's defaults. A stored value that does not read is an error
// naming the JSON path, everywhere it is needed (creating a task refuses too,
// so signing an encounter waits for the setting to be fixed rather than
// giving a person the wrong due time): the defaults are never used silently
// in place of a broken setting. Writing checks the value first and refuses
// it (InvalidInput, field = the JSON path) before anything is stored.
#include "core/followup/FollowUpConfig.h"
#include "core/followup/FollowUpPolicy.h"
#include "store/Actor.h"
#include "store/StoreError.h"

#include <QString>

namespace heart::store {

class Database;

class FollowUpSettings
{
public:
    FollowUpSettings(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    // The stored config, or the defaults when none is stored. InvalidInput
    // (field = the JSON path, e.g. "followUp.crt.dueHours"; detail = the whole
    // message naming the setting) when the stored text does not read.
    StoreResult<followup::FollowUpConfig> config();
    StoreResult<followup::FollowUpPolicy> policy();
    // The same without a clock, for the store's own writers (task creation).
    static StoreResult<followup::FollowUpPolicy> policyOf(Database& db);

    // Action::ManageSettings (refusal audited), then the value's check, then
    // the write (audited naming the setting's key).
    StoreError setConfig(const Actor& actor, const followup::FollowUpConfig& config);
    StoreError setJson(const Actor& actor, const QString& json);

    // The name errors give for the stored setting: "setting follow_up_policy".
    static QString sourceName();

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace heart::store
