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
keyring_pid=""
# Only ever kill the daemon we started: an empty pid would make `kill` signal our whole process
# group (`kill 0`), which is how CI once lost a green run to exit 143.
cleanup() {
  if [ -n "$keyring_pid" ]; then kill "$keyring_pid" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run" HOME_KEYRING_SCRATCH="$scratch"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# --unlock reads the new keyring's password from stdin. --foreground keeps the daemon our child,
# so $! is its pid (a daemonised keyring does not always print GNOME_KEYRING_PID).
printf 'pterotray-test' > "$scratch/password"
gnome-keyring-daemon --foreground --unlock --components=secrets \
  < "$scratch/password" > "$scratch/keyring.env" 2> "$scratch/keyring.log" &
keyring_pid=$!
secrets_ready=0
for _ in $(seq 1 100); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    secrets_ready=1
    break
  fi
  kill -0 "$keyring_pid" 2>/dev/null || break
  sleep 0.1
done
if [ "$secrets_ready" = 1 ]; then
  export PTEROTRAY_SECRET_SERVICE=gnome-keyring
else
  echo "!!! keychain: gnome-keyring-daemon did not come up; keychain tests will be SKIPPED" >&2
  cat "$scratch/keyring.log" >&2 || true
  export PTEROTRAY_SECRET_SERVICE=missing
fi
"$@"
