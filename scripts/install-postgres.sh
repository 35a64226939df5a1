#!/usr/bin/env bash
# Installs what Voicely's embedded PostgreSQL runtime needs, from OS packages:
#   - the PostgreSQL server binaries (keeps an installed major version; otherwise
#     installs the distribution's default `postgresql`),
#   - util-linux (runuser, used to run the server as the `postgres` OS user),
#   - the pgvector extension for that major version.
#
# pgvector comes from the binary package postgresql-$MAJOR-pgvector where the
# distribution has one (Debian 13, Ubuntu 24.04). Debian 12 has none, so it is
# built from Debian's own `pgvector` source package of the next release
# (trixie), fetched through a private apt source list and private lists/cache
# directories; the system's apt configuration is left untouched.
#
# Idempotent, and meant to run on every launch: when everything is present it
# exits 0 quickly without calling apt.
#
# Usage: scripts/install-postgres.sh [--check]
#   --check   only report; exit 1 naming what is missing. Needs no root.
#
# Environment (optional):
#   VOICELY_PGVECTOR_SRC_SUITE  Debian suite to take the pgvector source from (default: trixie)
#   VOICELY_APT_STATE_DIR       private apt lists/cache directory (default: /var/cache/voicely-apt)
set -euo pipefail

readonly TAG='[install-postgres]'
log() { printf '%s %s\n' "$TAG" "$*"; }
die() { printf '%s ERROR: %s\n' "$TAG" "$*" >&2; exit 1; }

CHECK_ONLY=0
for arg in "$@"; do
    case "$arg" in
        --check) CHECK_ONLY=1 ;;
        -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument: $arg (usage: $0 [--check])" ;;
    esac
done

readonly SRC_SUITE="${VOICELY_PGVECTOR_SRC_SUITE:-trixie}"
readonly APT_STATE_DIR="${VOICELY_APT_STATE_DIR:-/var/cache/voicely-apt}"
readonly DEBIAN_KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

# ---------------------------------------------------------------- detection

# Highest installed major version that has an initdb, or empty.
detect_major() {
    local d v best=''
    for d in /usr/lib/postgresql/*/bin/initdb; do
        [[ -x "$d" ]] || continue
        v="${d#/usr/lib/postgresql/}"; v="${v%%/*}"
        [[ "$v" =~ ^[0-9]+$ ]] || continue
        if [[ -z "$best" ]] || (( v > best )); then best="$v"; fi
    done
    printf '%s' "$best"
}

# Sets PG_CONFIG, PG_SHAREDIR, PG_PKGLIBDIR for major $1.
pg_paths() {
    PG_CONFIG="/usr/lib/postgresql/$1/bin/pg_config"
    if [[ -x "$PG_CONFIG" ]]; then
        PG_SHAREDIR="$("$PG_CONFIG" --sharedir)"
        PG_PKGLIBDIR="$("$PG_CONFIG" --pkglibdir)"
    else
        PG_SHAREDIR="/usr/share/postgresql/$1"
        PG_PKGLIBDIR="/usr/lib/postgresql/$1/lib"
    fi
}

pgvector_present() {
    [[ -f "$PG_SHAREDIR/extension/vector.control" && -f "$PG_PKGLIBDIR/vector.so" ]]
}

pgvector_version() {
    sed -n "s/^[[:space:]]*default_version[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" \
        "$PG_SHAREDIR/extension/vector.control" 2>/dev/null || true
}

# Everything missing, one item per line (empty when nothing is).
missing_items() {
    local major
    major="$(detect_major)"
    if [[ -z "$major" ]]; then
        echo "PostgreSQL server binaries (no /usr/lib/postgresql/*/bin/initdb)"
        echo "pgvector"
    else
        pg_paths "$major"
        pgvector_present || echo "pgvector for PostgreSQL $major ($PG_SHAREDIR/extension/vector.control, $PG_PKGLIBDIR/vector.so)"
    fi
    command -v runuser >/dev/null 2>&1 || echo "runuser (util-linux)"
    return 0
}

# ---------------------------------------------------------------- fast path

MISSING="$(missing_items)"
if [[ -z "$MISSING" ]]; then
    MAJOR="$(detect_major)"
    pg_paths "$MAJOR"
    log "PostgreSQL $MAJOR with pgvector $(pgvector_version) already installed; nothing to do."
    exit 0
fi

if (( CHECK_ONLY )); then
    while IFS= read -r item; do log "missing: $item"; done <<<"$MISSING"
    log "run $0 (as root) to install."
    exit 1
fi

# ---------------------------------------------------------------- privileges

SUDO=()
if (( EUID != 0 )); then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=(sudo)
        log "not root: using sudo for the apt and install steps."
    else
        die "missing: $(paste -sd ';' <<<"$MISSING"). Run this script as root (sudo is not available)."
    fi
fi
as_root() { "${SUDO[@]}" "$@"; }

# Serialize concurrent launches (best effort) and re-check after the lock.
LOCK_FILE="${TMPDIR:-/tmp}/voicely-install-postgres.lock"
if command -v flock >/dev/null 2>&1 && { exec 9>>"$LOCK_FILE"; } 2>/dev/null; then
    flock 9
    if [[ -z "$(missing_items)" ]]; then
        log "installed meanwhile by another run; nothing to do."
        exit 0
    fi
fi

# ---------------------------------------------------------------- system apt

export DEBIAN_FRONTEND=noninteractive
APT_UPDATED=0
apt_update_once() {
    (( APT_UPDATED )) && return 0
    log "apt-get update (system lists)"
    as_root apt-get update -q
    APT_UPDATED=1
}

# True when apt knows the package (or pkg=version) in its current lists.
apt_has() { apt-cache show "$1" >/dev/null 2>&1; }

apt_lists_empty() {
    ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null
}

# Install packages (pkg or pkg=version); refresh the system lists once if any is unknown.
apt_install() {
    local spec
    for spec in "$@"; do
        if ! apt_has "$spec"; then apt_update_once; break; fi
    done
    log "apt-get install $*"
    as_root apt-get install -y -q --no-install-recommends "$@"
}

pkg_installed() {
    [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" == installed ]]
}

# ---------------------------------------------------------------- 1. server

MAJOR="$(detect_major)"
if [[ -z "$MAJOR" ]]; then
    log "no PostgreSQL server found; installing the distribution default 'postgresql'."
    apt_install postgresql
    MAJOR="$(detect_major)"
    [[ -n "$MAJOR" ]] || die "installed 'postgresql' but found no /usr/lib/postgresql/*/bin/initdb"
fi
log "PostgreSQL major version: $MAJOR"

if ! command -v runuser >/dev/null 2>&1; then
    apt_install util-linux
fi

pg_paths "$MAJOR"
if pgvector_present; then
    log "pgvector $(pgvector_version) already installed for PostgreSQL $MAJOR."
    exit 0
fi

# ---------------------------------------------------------------- 2. pgvector

BIN_PKG="postgresql-$MAJOR-pgvector"
if apt_lists_empty; then apt_update_once; fi

if apt_has "$BIN_PKG"; then
    log "binary package $BIN_PKG is available; installing it."
    apt_install "$BIN_PKG"
else
    # ---- build from Debian's source package, via a private apt configuration
    # shellcheck source=/dev/null
    . /etc/os-release
    [[ "${ID:-}" == debian ]] \
        || die "no $BIN_PKG package on ${PRETTY_NAME:-this system}, and building from Debian sources is only supported on Debian."
    [[ -r "$DEBIAN_KEYRING" ]] || die "Debian archive keyring $DEBIAN_KEYRING not found (package debian-archive-keyring)."

    # The Debian mirror URI, from the system's own apt configuration: the first
    # deb822 stanza (or one-line entry) whose suites include this release.
    mirror_uri() {
        local codename="${VERSION_CODENAME:-}" f uri=''
        for f in /etc/apt/sources.list.d/*.sources; do
            [[ -r "$f" ]] || continue
            uri="$(awk -v cn="$codename" '
                function flush() {
                    if (uris != "" && types ~ /(^|[[:space:]])deb([[:space:]]|$)/ && (cn == "" || (" " suites " ") ~ (" " cn " "))) {
                        split(uris, u, /[[:space:]]+/); print u[1]; found = 1; exit
                    }
                    types = ""; uris = ""; suites = ""
                }
                /^[[:space:]]*#/ { next }
                /^[[:space:]]*$/ { flush(); next }
                tolower($1) == "types:"  { $1 = ""; types  = $0 }
                tolower($1) == "uris:"   { $1 = ""; sub(/^[[:space:]]+/, ""); uris = $0 }
                tolower($1) == "suites:" { $1 = ""; suites = $0 }
                END { if (!found) flush() }
            ' "$f")"
            [[ -n "$uri" ]] && { printf '%s' "$uri"; return 0; }
        done
        for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
            [[ -r "$f" ]] || continue
            uri="$(awk -v cn="$codename" '
                $1 == "deb" {
                    i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
                    if ($i ~ /^(https?|file|mirror[+a-z]*):/ && (cn == "" || $(i+1) == cn)) { print $i; exit }
                }' "$f")"
            [[ -n "$uri" ]] && { printf '%s' "$uri"; return 0; }
        done
        return 1
    }
    MIRROR="$(mirror_uri)" || die "could not find a Debian mirror URI in /etc/apt/sources.list{,.d/}."
    MIRROR="${MIRROR%/}"

    PG_SERVER_VERSION="$(dpkg-query -W -f='${Version}' "postgresql-$MAJOR" 2>/dev/null || true)"
    [[ -n "$PG_SERVER_VERSION" ]] || die "package postgresql-$MAJOR is not installed; cannot pin postgresql-server-dev-$MAJOR to it."

    # Build dependencies: server-dev pinned to the installed server version so
    # that apt does not upgrade the server underneath the running data.
    build_deps=()
    pkg_installed "postgresql-server-dev-$MAJOR" || build_deps+=("postgresql-server-dev-$MAJOR=$PG_SERVER_VERSION")
    pkg_installed build-essential || build_deps+=(build-essential)
    pkg_installed dpkg-dev || build_deps+=(dpkg-dev)
    if (( ${#build_deps[@]} )); then
        apt_install "${build_deps[@]}"
    fi

    # Private apt configuration: own source list, lists and caches.
    PRIV_LIST="$APT_STATE_DIR/sources.list"
    PRIV_LISTS="$APT_STATE_DIR/lists"
    APT_PRIV=(
        -o "Dir::Etc::SourceList=$PRIV_LIST"
        -o Dir::Etc::SourceParts=/dev/null
        -o "Dir::State::Lists=$PRIV_LISTS"
        -o "Dir::Cache=$APT_STATE_DIR/cache"
        -o Dir::Cache::pkgcache=
        -o Dir::Cache::srcpkgcache=
        -o APT::Get::List-Cleanup=true
        -o Acquire::Languages=none
    )
    as_root mkdir -p "$PRIV_LISTS/partial" "$APT_STATE_DIR/cache"
    printf 'deb-src [signed-by=%s] %s %s main\n' "$DEBIAN_KEYRING" "$MIRROR" "$SRC_SUITE" \
        | as_root tee "$PRIV_LIST" >/dev/null
    log "private apt source: $(cat "$PRIV_LIST")"
    log "apt-get update (private list in $APT_STATE_DIR)"
    as_root apt-get "${APT_PRIV[@]}" update -q

    BUILD_DIR="$(mktemp -d "${TMPDIR:-/tmp}/voicely-pgvector.XXXXXX")"
    trap 'rm -rf "$BUILD_DIR"' EXIT
    # Let apt's unprivileged download user write there (avoids the unsandboxed-download warning).
    if (( EUID == 0 )) && id -u _apt >/dev/null 2>&1; then
        chown _apt "$BUILD_DIR"
    fi

    log "fetching Debian source package pgvector ($SRC_SUITE) into $BUILD_DIR"
    (cd "$BUILD_DIR" && apt-get "${APT_PRIV[@]}" source -q pgvector)
    SRC_DIR="$(find "$BUILD_DIR" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n1)"
    [[ -n "$SRC_DIR" ]] || die "apt-get source pgvector produced no source directory."
    SRC_VERSION="$(dpkg-parsechangelog -l "$SRC_DIR/debian/changelog" -S Version 2>/dev/null || basename "$SRC_DIR")"
    log "building pgvector $SRC_VERSION against $PG_CONFIG"

    # OPTFLAGS= as Debian does: no -march=native, so the library runs on any CPU of the architecture.
    make -C "$SRC_DIR" -s -j"$(nproc)" USE_PGXS=1 PG_CONFIG="$PG_CONFIG" OPTFLAGS=
    as_root make -C "$SRC_DIR" -s install USE_PGXS=1 PG_CONFIG="$PG_CONFIG" OPTFLAGS=

    rm -rf "$BUILD_DIR"
    trap - EXIT
    log "removed build directory $BUILD_DIR"
fi

pg_paths "$MAJOR"
pgvector_present || die "pgvector is still missing after installation ($PG_SHAREDIR/extension/vector.control, $PG_PKGLIBDIR/vector.so)."
log "installed pgvector $(pgvector_version) for PostgreSQL $MAJOR."
