#pragma once
// An intake form's draft: what ui/intake/IntakeForm keeps every few seconds
// while a counselor types (store/DraftStore keeps the JSON text per user and
// form), read back when the program starts again or a draft is reopened.
// The text comes from the database, so it may be anything - a row damaged
// on disk, written by another version, or edited with plain SQL. The reader
// is total (issue 19): any text gives a draft or a DataError naming the JSON
// path and what is wrong, never an exception, within core/JsonLimits.h's
// size and depth limits. A draft holds a person's words: errors never quote
// a value, only its path and type.
//
//   {"formId": "…", "callId": "", "version": 0, "cadNumber": "…",
//    "received": "2026-03-10T14:05:00", "callerName": "…", "callerPhone": "…",
//    "relationship": 0, "personId": "", "personName": "…", "personAge": -1,
//    "personDescription": "…", "address": "…", "latitude": "…", "longitude": "…",
//    "beat": "…", "beatFromPosition": false, "callType": "…", "flags": [false, …],
//    "language": "en", "interpreter": false, "narrative": "…", "cssrs": "…",
//    "disposition": "…", "overrideReason": "…", "unit": "…"}
//
// Every member may be missing (an older version's draft): it keeps its
// default. Members this version does not know are skipped (a newer one's).
#include "core/Result.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace heart::intake {

// Bounds of a value (beyond JsonLimits' 4 MiB for the whole text).
inline constexpr std::size_t kDraftMaxTextBytes = 1024 * 1024; // a narrative of a whole book
inline constexpr std::size_t kDraftMaxFlags = 64;
inline constexpr int kDraftMaxChoice = 1000; // relationship: an index into a short list
inline constexpr int kDraftMaxAge = 150;     // personAge; -1 is "not given"

struct IntakeDraft
{
    std::string formId;
    std::string callId;
    int version = 0; // the call's version the draft was typed over (0: not saved yet)
    std::string cadNumber;
    std::string received; // ISO 8601 wall time, as the form wrote it
    std::string callerName;
    std::string callerPhone;
    int relationship = 0;
    std::string personId;
    std::string personName;
    int personAge = -1;
    std::string personDescription;
    std::string address;
    std::string latitude;
    std::string longitude;
    std::string beat;
    bool beatFromPosition = false;
    std::string callType;
    std::vector<bool> flags;
    std::string language;
    bool interpreter = false;
    std::string narrative;
    std::string cssrs;
    std::string disposition;
    std::string overrideReason;
    std::string unit;

    bool operator==(const IntakeDraft&) const = default;
};

// Error codes: the parseJsonText ones ("too-large", "too-deep",
// "json-syntax"), "wrong-type" (the top level or a member is not of its
// type; location "(top level)" or the member: "narrative", "flags[3]"),
// "too-long" (a text over kDraftMaxTextBytes, or more than kDraftMaxFlags
// flags), "out-of-range" (a number outside its range), "not-text" (a string
// that is not valid UTF-8 or holds a NUL).
Result<IntakeDraft, DataError> parseIntakeDraft(std::string_view text,
                                                const std::string& sourceName = "intake draft");

// The draft as JSON text that parseIntakeDraft reads back to the same draft.
std::string toJson(const IntakeDraft& draft);

} // namespace heart::intake
