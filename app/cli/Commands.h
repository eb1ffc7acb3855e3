#pragma once
// The commands of heartdesk-cli, one file each. To add one (replay,
// import-calls, report), declare its run function here, put it in a file of
// its own and add a row to the table in Commands.cpp.
#include "Cli.h"

namespace heart::cli {

int runMigrate(const Invocation& invocation);
int runCreateAdmin(const Invocation& invocation);
int runCreateUser(const Invocation& invocation);
int runResetPassword(const Invocation& invocation);
int runVerifyAudit(const Invocation& invocation);
int runAuditKey(const Invocation& invocation);
int runDemo(const Invocation& invocation);
int runReplay(const Invocation& invocation);
int runReport(const Invocation& invocation);
int runSetSetting(const Invocation& invocation);
int runSetupServer(const Invocation& invocation);
int runVanSetup(const Invocation& invocation);
int runSync(const Invocation& invocation);
int runCadLink(const Invocation& invocation);
int runCadSim(const Invocation& invocation);

// Parses the words before the command, then runs it.
int dispatch(const QStringList& arguments);

} // namespace heart::cli
