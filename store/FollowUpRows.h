#pragma once
// Rows behind FollowUpStore: the task with its attempts, and each part of the
// detail, read as stored. Internal to the store: nothing here checks a
// permission or writes an audit row (FollowUpStore decides which parts are
// read, and audits them).
#include "store/FollowUpStore.h"

#include <QVariant>

namespace heart::store::followup_rows {

// The task's columns as FollowUpTask, its attempts oldest first, and its state at `now`.
StoreResult<FollowUpTask> readTask(Database& db, const QString& taskId,
                                   const followup::FollowUpPolicy& policy, TimePoint now);

// Each part; nullopt when the record behind it is gone (the call of a
// deleted demo, an encounter without a plan).
StoreResult<std::optional<FollowUpContact>> readContact(Database& db, const QString& taskId);
StoreResult<std::optional<FollowUpCallSummary>> readCallSummary(Database& db, const QString& callId);
StoreResult<std::optional<FollowUpCallClinical>> readCallClinical(Database& db, const QString& callId);
StoreResult<std::optional<FollowUpEncounterOutline>> readEncounterOutline(Database& db,
                                                                          const QString& encounterId);
StoreResult<std::optional<FollowUpEncounterClinical>> readEncounterClinical(Database& db,
                                                                            const QString& encounterId);
StoreResult<std::optional<SafetyPlanRecord>> readSafetyPlan(Database& db, const QString& encounterId);

// Column values.
QVariant nullText(const QString& text);
QDateTime readTime(const QVariant& value);

} // namespace heart::store::followup_rows
