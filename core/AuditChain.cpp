#include "core/AuditChain.h"

#include "core/Sha256.h"

namespace heart {

std::string auditPayload(const AuditEntry& e)
{
    constexpr char kSep = '\x1f';
    std::string payload;
    payload.reserve(256);
    for (const std::string* field :
         {&e.prevHash, &e.atUtc, &e.userId, &e.role, &e.workstation, &e.action, &e.recordType, &e.recordId}) {
        payload += *field;
        payload += kSep;
    }
    payload += std::to_string(e.seq);
    return payload;
}

std::string auditHash(const AuditEntry& entry)
{
    return Sha256::hex(auditPayload(entry));
}

std::optional<AuditBreak> findAuditBreak(const std::vector<AuditEntry>& entries,
                                         const std::string& expectedPrevHash, std::int64_t expectedSeq)
{
    std::string prev = expectedPrevHash;
    std::int64_t seq = expectedSeq;
    for (const AuditEntry& entry : entries) {
        if (entry.seq != seq)
            return AuditBreak{entry.seq, AuditBreak::Kind::SequenceGap};
        if (entry.prevHash != prev)
            return AuditBreak{entry.seq, AuditBreak::Kind::PrevHashMismatch};
        if (auditHash(entry) != entry.hash)
            return AuditBreak{entry.seq, AuditBreak::Kind::HashMismatch};
        prev = entry.hash;
        ++seq;
    }
    return std::nullopt;
}

} // namespace heart
