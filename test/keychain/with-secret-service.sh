#!/usr/bin/env bash
# Runs a command inside its own D-Bus session with a fresh, unlocked GNOME Keyring, so keychain
# tests use a real Secret Service and never touch the user's own keyring.
# Without dbus-run-session or gnome-keyring-daemon the command still runs, with
# PTEROTRAY_SECRET_SERVICE=missing, and the keychain tests report themselves skipped.
set -euo pipefail

if [ "${PTEROTRAY_IN_SECRET_SERVICE:-}" != "1" ]; then
  if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
    echo "!!! keychain: dbus-run-session or gnome-keyring-daemon is missing; keychain tests will be SKIPPED" >&2
    PTEROTRAY_SECRET_SERVICE=missing exec "$@"
  fi
  export PTEROTRAY_IN_SECRET_SERVICE=1
  exec dbus-run-session -- "$0" "$@"
fi

scratch=$(mktemp -d -t pterotray-keyring.XXXXXX)
trap 'kill "${GNOME_KEYRING_PID:-0}" 2>/dev/null || true; rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run" HOME_KEYRING_SCRATCH="$scratch"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# --unlock reads the new keyring's password from stdin; it prints the variables to export.
eval "$(printf 'pterotray-test' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL GNOME_KEYRING_PID
export PTEROTRAY_SECRET_SERVICE=gnome-keyring
"$@"
