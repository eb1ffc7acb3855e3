#!/usr/bin/env bash
# shellcheck shell=bash
#
# Shared helper for scripts/run and scripts/test: installs the Debian 12
# (bookworm) packages HEART Desk needs, but only the ones that are missing.
#
#   source scripts/lib/packages.sh
#   heartdesk_install_packages "${HEARTDESK_BUILD_PACKAGES[@]}"
#
# To add a dependency, append it to one of the two arrays below.

# Everything needed to configure, build and run the application.
# shellcheck disable=SC2034  # used by the scripts that source this file
HEARTDESK_BUILD_PACKAGES=(
    cmake
    ninja-build
    g++
    pkg-config
    qt6-base-dev
    qt6-base-dev-tools
    qt6-tools-dev
    qt6-tools-dev-tools
    qt6-l10n-tools
    qt6-translations-l10n
    libqt6sql6-sqlite
    libqt6sql6-psql
    libqt6svg6
    qt6-charts-dev
    qt6-websockets-dev # the CAD link (NENA EIDO over WebSocket with TLS)
    libqt6opengl6-dev # Qt6Charts' CMake config needs Qt6OpenGL, which qt6-charts-dev does not pull in
    libsodium-dev
    libsqlite3-dev # the encrypting SQLite VFS (store/EncryptedVfs) registers with the libsqlite3 QSQLITE links
    qtkeychain-qt6-dev # the OS keyring that keeps the keys of the encrypted SQLite files
    nlohmann-json3-dev
    libgl-dev
    libegl-dev
    fonts-dejavu-core
)

# Extra packages needed only by scripts/test. Under CI=true a test whose tool
# is missing fails instead of skipping (tests/common/StrictTestMain.h), so
# every tool a test runs is listed here.
# shellcheck disable=SC2034  # used by the scripts that source this file
HEARTDESK_TEST_PACKAGES=(
    postgresql-15
    openssl  # scripts/test makes the throwaway CA and server certificate of its TLS-only PostgreSQL
    xvfb     # Xvfb for tst_intake_crash, xvfb-run for tst_intake_keys.xcb
    xauth    # xvfb-run needs it
    x11-xkb-utils # xkbcomp: tst_intake_crash loads a keymap (xvfb pulls it in; named here because the test needs it)
    poppler-utils # pdftotext for tst_safety_plan_print; pdftotext and pdftoppm for tst_monthly_report_pdf
    libgeos-dev
    clang-format # the clang_format test checks the committed style
    xdotool # tst_intake_crash types into a real heartdesk window on Xvfb
    python3-jsonschema # tests/cad/validate_eido.py checks EIDOs against NENA's openapi.yaml
    python3-yaml       # ... and reads it; scripts/eido-schema.py too
    clang              # scripts/fuzz builds the libFuzzer targets (tests/fuzz)
    libclang-rt-14-dev # libFuzzer and the sanitizer runtimes of Debian's clang 14
    desktop-file-utils # desktop-file-validate: tests/package checks the desktop entry
    appstream # appstreamcli: tests/package validates the AppStream metainfo
    help2man librsvg2-bin # the manual pages and PNG icons tests/package expects in the install tree
)

# Packages scripts/package and scripts/check-package need on top of the build ones.
# shellcheck disable=SC2034  # used by the scripts that source this file
HEARTDESK_PACKAGE_PACKAGES=(
    dpkg-dev     # dpkg-shlibdeps (CPack's dependencies) and dpkg-buildflags
    help2man     # the manual pages, from --help
    librsvg2-bin # rsvg-convert: the PNG sizes of the SVG icon
    lintian
    debootstrap  # scripts/check-package: a fresh Debian 12 root
)

# Prints (one per line) those of the given packages that are not installed.
heartdesk_missing_packages() {
    local pkg status
    for pkg in "$@"; do
        status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
        if [[ $status != "install ok installed" ]]; then
            printf '%s\n' "$pkg"
        fi
    done
}

# Installs those of the given packages that are missing. Does nothing (and
# needs no privileges) when all of them are already installed.
heartdesk_install_packages() {
    local -a missing=() as_root=()
    local pkg
    mapfile -t missing < <(heartdesk_missing_packages "$@")
    if ((${#missing[@]} == 0)); then
        return 0
    fi

    if ((EUID != 0)); then
        if command -v sudo >/dev/null 2>&1; then
            as_root=(sudo)
        else
            printf 'heartdesk: these Debian packages are missing and I am not root (and there is no sudo):\n' >&2
            printf '  %s\n' "${missing[@]}" >&2
            printf 'install them with:\n  apt-get install -y --no-install-recommends %s\n' "${missing[*]}" >&2
            return 1
        fi
    fi

    printf 'heartdesk: installing missing packages: %s\n' "${missing[*]}" >&2

    # Installing postgresql-15 on a fresh machine makes Debian's postinst
    # create a "main" cluster and try to start it (through invoke-rc.d, which
    # may fail in a chroot/container). The tests use their own throwaway
    # cluster, so tell postgresql-common not to create "main" at all.
    for pkg in "${missing[@]}"; do
        if [[ $pkg == postgresql-[0-9]* ]]; then
            local conf_dir=/etc/postgresql-common/createcluster.d
            local conf=$conf_dir/heartdesk.conf
            if [[ ! -e $conf ]] && "${as_root[@]}" mkdir -p "$conf_dir" 2>/dev/null; then
                printf '# Written by HEART Desk scripts/lib/packages.sh: tests use their own cluster.\ncreate_main_cluster = false\n' |
                    "${as_root[@]}" tee "$conf" >/dev/null || true
            fi
            break
        fi
    done

    if ! "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q ||
        ! "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -q --no-install-recommends "${missing[@]}"; then
        printf 'heartdesk: failed to install these Debian packages:\n' >&2
        printf '  %s\n' "${missing[@]}" >&2
        return 1
    fi
}
