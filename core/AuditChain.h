#pragma once
// The audit trail is a hash chain: each row's hash covers the previous row's
// hash and this row's fields, so an edited, inserted or deleted row breaks
// the chain from that row on. Rows hold who did what to which record, never
// the record's contents.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace heart {

struct AuditEntry
{
    std::int64_t seq = 0;
    std::string atUtc;  // ISO 8601, UTC, millisecond precision
    std::string userId; // empty when no user is known (a failed sign-in for an unknown login)
    std::string role;   // role code
    std::string workstation;
    std::string action;     // "create", "update", "sign", "export", "open", "sign_in", ...
    std::string recordType; // "person", "call", "user", ...
    std::string recordId;
    std::string prevHash;
    std::string hash;
};

inline const std::string kAuditGenesisHash(64, '0');

// The exact bytes that are hashed for an entry (fields joined by the ASCII
// unit separator, which cannot occur in any field).
std::string auditPayload(const AuditEntry& entry);
std::string auditHash(const AuditEntry& entry);

struct AuditBreak
{
    std::int64_t seq = 0;
    enum class Kind
    {
        HashMismatch,
        PrevHashMismatch,
        SequenceGap
    } kind = Kind::HashMismatch;
};

// Checks entries given in ascending seq order; names the first broken row.
std::optional<AuditBreak> findAuditBreak(const std::vector<AuditEntry>& entries,
                                         const std::string& expectedPrevHash = kAuditGenesisHash,
                                         std::int64_t expectedSeq = 1);

} // namespace heart
