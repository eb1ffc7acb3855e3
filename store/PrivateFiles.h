#pragma once
// Files that hold records are the user's alone, whatever the umask: 0600
// files in 0700 folders (the folders HEART Desk creates; a folder the user
// chose, such as Documents, is left as it is).
#include <QString>

class QFileDevice;

namespace heart::store::files {

// Creates `folder` and any missing parent, each new one 0700. An existing
// folder is left as it is. False when a folder cannot be created.
bool makePrivateFolder(const QString& folder);

// 0600 for an open file (a QFile or a QSaveFile, before anything is written
// to it), or for a file by its name. False when the mode cannot be set.
bool restrictToOwner(QFileDevice& file);
bool restrictToOwner(const QString& path);

} // namespace heart::store::files
