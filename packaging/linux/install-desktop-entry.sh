#!/bin/sh
# Adds dpia_desk to this user's application menu (or removes it with --uninstall).
#
# Run from the unpacked tarball: ./install-desktop-entry.sh [--uninstall]
# It links ~/.local/bin/dpia-desk to this folder's executable and installs the desktop entry,
# the AppStream metainfo and the icons under ~/.local/share (XDG_DATA_HOME). Your workspace,
# settings and backups are never touched, by installing or by uninstalling.
set -eu

APP_ID=org.dpiadesk.DpiaDesk
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
BIN=${DPIA_DESK_BIN_DIR:-$HOME/.local/bin}

refresh() {
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$DATA/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$BIN/dpia-desk" "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml"
    find "$DATA/icons/hicolor" -name "$APP_ID.*" -delete 2>/dev/null || true
    refresh
    echo "dpia_desk removed from the menu; your workspace and backups are where they were."
    exit 0
fi

mkdir -p "$BIN" "$DATA/applications" "$DATA/metainfo"
ln -sf "$HERE/dpia-desk" "$BIN/dpia-desk"
# The menu entry starts this copy by its full path, whether or not ~/.local/bin is on PATH.
sed -e "s|^Exec=dpia-desk|Exec=$HERE/dpia-desk|" -e "s|^TryExec=dpia-desk|TryExec=$HERE/dpia-desk|" \
    "$HERE/share/applications/$APP_ID.desktop" > "$DATA/applications/$APP_ID.desktop"
cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$DATA/metainfo/"
(cd "$HERE/share" && find icons -type f) | while read -r icon; do
    mkdir -p "$DATA/$(dirname "$icon")"
    cp "$HERE/share/$icon" "$DATA/$icon"
done
refresh
echo "dpia_desk added to the application menu ($DATA/applications/$APP_ID.desktop)."
echo "Command line: $BIN/dpia-desk --help"
