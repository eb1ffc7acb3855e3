#include "store/sync/SyncMerge.h"

#include <algorithm>

namespace heart::store::sync {
namespace {

const QString kVersion = QStringLiteral("version");
const QString kUpdatedAt = QStringLiteral("updated_at");

QString text(const QVariantMap& row, const char* column)
{
    const QVariant value = row.value(QString::fromLatin1(column));
    return value.isNull() || !value.isValid() ? QString() : value.toString();
}

bool isSigned(const Snapshot& snapshot)
{
    return !text(snapshot.row, "signed_at").isEmpty();
}

bool isFinal(const Snapshot& snapshot)
{
    return text(snapshot.row, "status") == QLatin1String("final");
}

// Field by field: a column changed on one side only takes that side; changed
// on both to different values keeps the center's and is named.
QVariantMap mergeRow(const QVariantMap& base, const QVariantMap& theirs, const QVariantMap& mine,
                     bool haveBase, QStringList* clashes)
{
    QVariantMap merged = theirs;
    for (auto it = mine.cbegin(); it != mine.cend(); ++it) {
        const QString& column = it.key();
        if (isBookkeeping(column) || column == QLatin1String("id"))
            continue;
        const QVariant t = theirs.value(column);
        const QVariant m = it.value();
        if (sameValue(t, m))
            continue;
        if (haveBase && sameValue(base.value(column), t)) {
            merged.insert(column, m);
        } else if (haveBase && sameValue(base.value(column), m)) {
            // only the center changed it
        } else {
            clashes->append(column);
        }
    }
    return merged;
}

QString keyOf(const QVariantMap& row, const ChildSpec& child)
{
    QStringList parts;
    for (const QString& column : child.key)
        parts.append(row.value(column).toString());
    return parts.join(QChar(0x1f));
}

// Append-only children are united by key; the rest are the center's.
void mergeChildren(const RecordSpec& spec, const Snapshot& theirs, const Snapshot& mine, Snapshot* merged)
{
    for (const ChildSpec& child : spec.children) {
        QList<QVariantMap> rows = theirs.children.value(child.table);
        if (child.appendOnly) {
            QStringList keys;
            for (const QVariantMap& row : rows)
                keys.append(keyOf(row, child));
            for (const QVariantMap& row : mine.children.value(child.table)) {
                if (!keys.contains(keyOf(row, child)))
                    rows.append(row);
            }
        }
        merged->children.insert(child.table, rows);
    }
}

// A unit: the status events of both sides, and the state the latest one
// gives, unless the center sent the unit to another call meanwhile (then the
// center's assignment stands; the team's events stay in the history).
void mergeUnit(const Snapshot& base, const Snapshot& theirs, Snapshot* merged)
{
    const QString callColumn = QStringLiteral("call_id");
    const bool reassigned =
        base.exists && !sameValue(base.row.value(callColumn), theirs.row.value(callColumn));
    if (reassigned) {
        // status, status_since, call_id stay the center's
        for (const char* column : {"status", "status_since", "call_id"})
            merged->row.insert(QString::fromLatin1(column), theirs.row.value(QString::fromLatin1(column)));
        return;
    }
    const QList<QVariantMap> events = merged->children.value(QStringLiteral("unit_status_events"));
    if (events.isEmpty())
        return;
    const auto latest =
        std::max_element(events.cbegin(), events.cend(), [](const QVariantMap& a, const QVariantMap& b) {
            const QString at = a.value(QStringLiteral("at_utc")).toString();
            const QString bt = b.value(QStringLiteral("at_utc")).toString();
            if (at != bt)
                return at < bt;
            return a.value(QStringLiteral("id")).toString() < b.value(QStringLiteral("id")).toString();
        });
    merged->row.insert(QStringLiteral("status"), latest->value(QStringLiteral("status")));
    merged->row.insert(QStringLiteral("status_since"), latest->value(QStringLiteral("at_utc")));
    merged->row.insert(callColumn, latest->value(callColumn));
}

void stampVersion(const Snapshot& theirs, const Snapshot& mine, Snapshot* merged, bool fastForward)
{
    const int version = fastForward && mine.version() > theirs.version()
                            ? mine.version()
                            : std::max(theirs.version(), mine.version()) + 1;
    merged->row.insert(kVersion, version);
    const QString updated = std::max(text(theirs.row, "updated_at"), text(mine.row, "updated_at"));
    if (merged->row.contains(kUpdatedAt))
        merged->row.insert(kUpdatedAt, updated);
}

} // namespace

MergeResult mergeRecord(const Snapshot& base, const Snapshot& theirs, const Snapshot& mine)
{
    MergeResult result;
    const RecordSpec* spec = specFor(mine.type);
    if (!theirs.exists) {
        result.merged = mine;
        return result;
    }
    if (sameContent(theirs, mine)) {
        result.merged = theirs;
        result.write = false;
        return result;
    }
    // The center has not changed it since the laptop's base: the laptop's stands.
    if (base.exists && sameContent(theirs, base)) {
        result.merged = mine;
        stampVersion(theirs, mine, &result.merged, true);
        return result;
    }
    result.merged.type = mine.type;
    result.merged.id = mine.id;
    result.merged.exists = true;

    if (mine.type == QLatin1String("encounter") || mine.type == QLatin1String("safety_plan")) {
        const bool theirsFixed = mine.type == QLatin1String("encounter") ? isSigned(theirs) : isFinal(theirs);
        const bool mineFixed = mine.type == QLatin1String("encounter") ? isSigned(mine) : isFinal(mine);
        const bool mineEdited = !base.exists || !sameRow(base.row, mine.row);
        const bool theirsEdited = !base.exists || !sameRow(base.row, theirs.row);
        if (theirsFixed) {
            // A signed note (a final plan) takes no more changes: the laptop's
            // edit is kept aside for the lead (an addendum, if still needed).
            result.merged.row = theirs.row;
            if (mineEdited && !sameRow(theirs.row, mine.row))
                result.conflict =
                    mineFixed ? QStringLiteral("signed_both") : QStringLiteral("signed_at_center");
        } else if (mineFixed) {
            // Signed on the laptop: the signed content stands; what the center
            // changed meanwhile is kept aside.
            result.merged.row = mine.row;
            if (theirsEdited && !sameRow(theirs.row, mine.row)) {
                result.conflict = QStringLiteral("signed_on_laptop");
                result.keepTheirsCopy = true;
            }
        } else {
            QStringList clashes;
            result.merged.row = mergeRow(base.row, theirs.row, mine.row, base.exists, &clashes);
            if (!clashes.isEmpty())
                result.conflict = QStringLiteral("edited_both");
        }
    } else {
        QStringList clashes;
        result.merged.row = mergeRow(base.row, theirs.row, mine.row, base.exists, &clashes);
        if (!clashes.isEmpty() && mine.type != QLatin1String("unit"))
            result.conflict = QStringLiteral("edited_both");
    }
    if (spec)
        mergeChildren(*spec, theirs, mine, &result.merged);
    if (mine.type == QLatin1String("unit"))
        mergeUnit(base, theirs, &result.merged);
    stampVersion(theirs, mine, &result.merged, false);
    if (sameContent(result.merged, theirs) && result.conflict.isEmpty()) {
        result.merged = theirs;
        result.write = false;
    }
    return result;
}

} // namespace heart::store::sync
