# cmake -DBUILD_DIR=build -DDEST=dir -DAPP_ID=id -P CheckInstallTree.cmake
# Installs the build into DEST (DESTDIR, prefix /usr, as the Debian package
# does) and checks that a desktop finds the programs, the menu entry, the
# icons, the AppStream data and the manual pages where it looks for them.
file(REMOVE_RECURSE ${DEST})
execute_process(COMMAND ${CMAKE_COMMAND} -E env DESTDIR=${DEST}
                        ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix /usr
                RESULT_VARIABLE status OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "cmake --install failed:\n${err}")
endif()

set(expected
    usr/bin/heartdesk
    usr/bin/heartdesk-cli
    usr/share/applications/${APP_ID}.desktop
    usr/share/metainfo/${APP_ID}.metainfo.xml
    usr/share/icons/hicolor/scalable/apps/${APP_ID}.svg
    usr/share/man/man1/heartdesk.1.gz
    usr/share/man/man1/heartdesk-cli.1.gz
    usr/share/doc/heartdesk/copyright
    usr/share/doc/heartdesk/changelog.Debian.gz)
foreach(size 16 22 24 32 48 64 128 256)
    list(APPEND expected usr/share/icons/hicolor/${size}x${size}/apps/${APP_ID}.png)
endforeach()
set(missing)
foreach(path IN LISTS expected)
    if(NOT EXISTS ${DEST}/${path})
        list(APPEND missing ${path})
    endif()
endforeach()
if(missing)
    list(JOIN missing "\n  " missing)
    message(FATAL_ERROR "not installed:\n  ${missing}")
endif()

# The desktop entry starts the installed program, names the installed icon
# and the window class Qt gives heartdesk's window (its application name).
file(READ ${DEST}/usr/share/applications/${APP_ID}.desktop entry)
foreach(line "Exec=heartdesk" "Icon=${APP_ID}" "StartupWMClass=heartdesk")
    if(NOT entry MATCHES "\n${line}\n")
        message(FATAL_ERROR "the desktop entry has no line ${line}")
    endif()
endforeach()
# The AppStream data names the installed desktop entry.
file(READ ${DEST}/usr/share/metainfo/${APP_ID}.metainfo.xml metainfo)
if(NOT metainfo MATCHES "<launchable type=\"desktop-id\">${APP_ID}.desktop</launchable>")
    message(FATAL_ERROR "the metainfo does not launch ${APP_ID}.desktop")
endif()
file(REMOVE_RECURSE ${DEST})
message(STATUS "${DEST}: every file in place")
