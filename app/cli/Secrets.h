#pragma once
// Passwords for heartdesk-cli: from an environment variable, or typed on the
// terminal with echo off. They are never printed, logged or kept longer than
// the command needs them.
#include <QString>
#include <initializer_list>
#include <optional>

namespace heart::cli {

struct SecretRequest
{
    std::initializer_list<const char*> environment; // tried in order; empty values count as unset
    QString prompt;                                 // e.g. "Password for admin: "
    bool confirm = false;                           // ask twice when prompting
    QString what;                                   // for messages: "the new user's password"
    int exitIfUnavailable = 2;                      // neither a variable nor a terminal
};

struct Secret
{
    QString value;
    int exitCode = 0; // non-zero: a message was printed, stop with this code
    bool ok() const { return exitCode == 0; }
};

Secret obtainSecret(const SecretRequest& request);

// Overwrites the characters before the string is released.
void wipe(QString& secret);

} // namespace heart::cli
