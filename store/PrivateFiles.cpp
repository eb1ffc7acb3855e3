#include "store/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileDevice>
#include <QFileInfo>
#include <QStringList>
#include <cerrno>
#include <sys/stat.h>

namespace heart::store::files {

bool makePrivateFolder(const QString& folder)
{
    const QString absolute = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    QStringList missing;
    for (QString at = absolute; !QFileInfo::exists(at);) {
        missing.prepend(at);
        const QString parent = QFileInfo(at).absolutePath();
        if (parent == at)
            break;
        at = parent;
    }
    for (const QString& path : std::as_const(missing)) {
        const QByteArray native = QFile::encodeName(path);
        if (::mkdir(native.constData(), S_IRWXU) != 0 && errno != EEXIST)
            return false;
        // mkdir's mode passes through the umask; the folder is ours, make it 0700.
        if (::chmod(native.constData(), S_IRWXU) != 0)
            return false;
    }
    return QFileInfo(absolute).isDir();
}

bool restrictToOwner(QFileDevice& file)
{
    const int fd = file.handle();
    return fd >= 0 && ::fchmod(fd, S_IRUSR | S_IWUSR) == 0;
}

bool restrictToOwner(const QString& path)
{
    return ::chmod(QFile::encodeName(path).constData(), S_IRUSR | S_IWUSR) == 0;
}

} // namespace heart::store::files
