# Installing HEART Desk like any desktop program, and its Debian package.
#
#   cmake --install build --prefix /usr      # or: cd build && cpack  (scripts/package does both right)
#
# What is installed (paths under the prefix, GNUInstallDirs):
#   bin/heartdesk, bin/heartdesk-cli
#   share/applications/io.github.heartdesk.HeartDesk.desktop
#   share/metainfo/io.github.heartdesk.HeartDesk.metainfo.xml
#   share/icons/hicolor/{scalable,16x16,...,256x256}/apps/io.github.heartdesk.HeartDesk.{svg,png}
#   share/man/man1/heartdesk.1.gz, heartdesk-cli.1.gz (help2man, from the programs' --help)
#   share/doc/heartdesk/copyright, changelog.Debian.gz
# The translations (.qm) are compiled into heartdesk as Qt resources
# (:/i18n, ui/CMakeLists.txt), so a build-tree run and an installed one find
# them the same way and there is no .qm file to install.
#
# The PNG icons need rsvg-convert (librsvg2-bin) and the man pages help2man;
# without them the rest still installs. scripts/package insists on both.
include(GNUInstallDirs)

set(HEARTDESK_APP_ID io.github.heartdesk.HeartDesk)
set(HEARTDESK_HOMEPAGE "https://github.com/heartdesk/heartdesk" CACHE STRING
    "The project's home page (Debian Homepage, AppStream, copyright)")
set(HEARTDESK_SCREENSHOT_URL "https://raw.githubusercontent.com/heartdesk/heartdesk/main/docs/screenshots"
    CACHE STRING "Where the AppStream screenshots (docs/screenshots) are published")
set(HEARTDESK_PACKAGE_MAINTAINER "HEART Desk maintainers <maintainers@heartdesk.example.org>" CACHE STRING
    "Maintainer of the Debian package: Name <address>")
set(HEARTDESK_DEB_RELEASE 1 CACHE STRING "Debian revision of the package (the -N of 0.1.0-N)")
set(HEARTDESK_DEB_VERSION "${PROJECT_VERSION}-${HEARTDESK_DEB_RELEASE}")

# rwxr-xr-x for every directory made by the install, whatever the umask (lintian).
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(_desktop_src ${PROJECT_SOURCE_DIR}/resources/desktop)
set(_out ${PROJECT_BINARY_DIR}/packaging)
set(_docdir ${CMAKE_INSTALL_DATADIR}/doc/heartdesk) # Debian's name, not GNUInstallDirs' doc/HeartDesk

install(TARGETS heartdesk heartdesk-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${_desktop_src}/${HEARTDESK_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
configure_file(${_desktop_src}/${HEARTDESK_APP_ID}.metainfo.xml.in ${_out}/${HEARTDESK_APP_ID}.metainfo.xml @ONLY)
install(FILES ${_out}/${HEARTDESK_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${_desktop_src}/${HEARTDESK_APP_ID}.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

set(_generated)
find_program(HEARTDESK_RSVG_CONVERT rsvg-convert)
if(HEARTDESK_RSVG_CONVERT)
    foreach(size 16 22 24 32 48 64 128 256)
        set(_png ${_out}/icons/${size}x${size}/${HEARTDESK_APP_ID}.png)
        add_custom_command(OUTPUT ${_png}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${_out}/icons/${size}x${size}
            COMMAND ${HEARTDESK_RSVG_CONVERT} -w ${size} -h ${size} -o ${_png} ${_desktop_src}/${HEARTDESK_APP_ID}.svg
            DEPENDS ${_desktop_src}/${HEARTDESK_APP_ID}.svg
            COMMENT "Icon ${size}x${size}" VERBATIM)
        list(APPEND _generated ${_png})
        install(FILES ${_png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    endforeach()
else()
    message(STATUS "rsvg-convert not found (librsvg2-bin): only the SVG icon is installed, no PNG sizes")
endif()

find_program(HEARTDESK_HELP2MAN help2man)
if(HEARTDESK_HELP2MAN)
    foreach(program heartdesk heartdesk-cli)
        set(_page ${_out}/man/${program}.1)
        # Run by name on PATH, so "Usage:" shows the name and not the build folder.
        add_custom_command(OUTPUT ${_page}.gz
            COMMAND ${CMAKE_COMMAND} -E make_directory ${_out}/man
            COMMAND ${CMAKE_COMMAND} -E env "PATH=$<TARGET_FILE_DIR:${program}>:$ENV{PATH}"
                    ${HEARTDESK_HELP2MAN} --no-info --version-string=${PROJECT_VERSION}
                    --include=${PROJECT_SOURCE_DIR}/resources/man/${program}.h2m --output=${_page} ${program}
            COMMAND gzip -9nf ${_page}
            DEPENDS ${program} ${PROJECT_SOURCE_DIR}/resources/man/${program}.h2m
            COMMENT "Manual page ${program}(1)" VERBATIM)
        list(APPEND _generated ${_page}.gz)
        install(FILES ${_page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    endforeach()
else()
    message(STATUS "help2man not found: no manual pages are installed")
endif()

# Debian wants the copyright and a compressed changelog in /usr/share/doc/heartdesk.
configure_file(${PROJECT_SOURCE_DIR}/resources/packaging/copyright ${_out}/copyright @ONLY)
configure_file(${PROJECT_SOURCE_DIR}/resources/packaging/changelog.Debian ${_out}/changelog.Debian @ONLY)
add_custom_command(OUTPUT ${_out}/changelog.Debian.gz
    COMMAND gzip -9nkf ${_out}/changelog.Debian
    DEPENDS ${_out}/changelog.Debian VERBATIM)
list(APPEND _generated ${_out}/changelog.Debian.gz)
install(FILES ${_out}/copyright ${_out}/changelog.Debian.gz DESTINATION ${_docdir})

add_custom_target(heartdesk_install_data ALL DEPENDS ${_generated})

# The Debian package: `cpack` in the build folder (scripts/package).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME heartdesk)
set(CPACK_PACKAGE_VENDOR "The HEART Desk developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${HEARTDESK_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # heartdesk_0.1.0-1_amd64.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE ${HEARTDESK_DEB_RELEASE})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${HEARTDESK_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${HEARTDESK_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# Libraries from dpkg-shlibdeps; Qt's plugins are loaded at run time, so they are named here:
# the SQLite and PostgreSQL drivers and the SVG icon engine.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql, libqt6svg6")
# Qt's own Spanish (standard buttons and dialogs).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY (the project's DESCRIPTION).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "HEART Desk is the desktop workplace of an alternative 911 crisis response
program such as Durham's HEART: clinicians in the 911 center triage crisis
calls and resolve them by phone or send an unarmed team, response teams keep
their unit's status, encounter notes and safety plans, care navigators
follow up within 48 hours, supervisors see the dashboard and the roster.

Records are kept in an encrypted SQLite file or on a shared PostgreSQL
server. English and Spanish. Includes heartdesk-cli, the headless tool for
database set-up, accounts and audit checks.")
include(CPack)
