#!/bin/sh
# Add ABM Planner to this user's desktop (menu entry, icon, *.abmplan opens in the app), or
# take it out again. No root: everything goes under ${XDG_DATA_HOME:-~/.local/share}.
#
#   install-desktop.sh [--exec PROGRAM] [--share DIR]     install
#   install-desktop.sh --uninstall [--share DIR]           remove what install put there
#
# In an unpacked bundle run ./install-desktop.sh: PROGRAM defaults to the abm-planner beside
# this script and DIR to the bundle's share/ folder. `make install-desktop` passes both.
set -eu

APP_ID=io.github.abmplanner.AbmPlanner
HERE=$(cd "$(dirname "$0")" && pwd)
PROGRAM=$HERE/abm-planner
SHARE=$HERE/share
ACTION=install

while [ $# -gt 0 ]; do
  case "$1" in
    --exec) PROGRAM=$2; shift 2 ;;
    --share) SHARE=$2; shift 2 ;;
    --uninstall) ACTION=uninstall; shift ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install-desktop.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

DATA=${XDG_DATA_HOME:-$HOME/.local/share}
FILES="applications/$APP_ID.desktop metainfo/$APP_ID.metainfo.xml mime/packages/$APP_ID.xml"

refresh() {
  # Each cache is optional: a desktop without the tool reads the files directly.
  if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$DATA/mime" >/dev/null 2>&1 || true
  fi
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$DATA/applications" >/dev/null 2>&1 || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$DATA/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache --quiet --force "$DATA/icons/hicolor" >/dev/null 2>&1 || true
  fi
}

if [ "$ACTION" = uninstall ]; then
  for file in $FILES; do rm -f "$DATA/$file"; done
  find "$DATA/icons/hicolor" \( -name "$APP_ID.*" -o -name "application-x-abmplan.*" \) \
    -type f -exec rm -f {} + 2>/dev/null || true
  refresh
  echo "ABM Planner was removed from the desktop ($DATA)."
  exit 0
fi

[ -d "$SHARE/applications" ] || { echo "install-desktop.sh: no desktop files in $SHARE" >&2; exit 1; }
case "$PROGRAM" in
  /*) ;;
  *) found=$(command -v "$PROGRAM" 2>/dev/null || true)
     [ -n "$found" ] || { echo "install-desktop.sh: $PROGRAM not found" >&2; exit 1; }
     PROGRAM=$found ;;
esac
[ -x "$PROGRAM" ] || { echo "install-desktop.sh: $PROGRAM is not a program" >&2; exit 1; }

for file in $FILES; do
  mkdir -p "$(dirname "$DATA/$file")"
done
# Exec= names this program by its full path, quoted only when the path has characters the
# desktop entry spec reserves (simple launchers such as xdg-open's own do not unquote).
case "$PROGRAM" in
  *[!A-Za-z0-9/._+,:@=-]*)
    escaped=$(printf '%s' "$PROGRAM" | sed 's/[\\"`$]/\\\\&/g')
    EXEC_LINE="Exec=\"$escaped\" %f" ;;
  *) EXEC_LINE="Exec=$PROGRAM %f" ;;
esac
EXEC_LINE=$EXEC_LINE awk '/^Exec=/ { print ENVIRON["EXEC_LINE"]; next } { print }' \
  "$SHARE/applications/$APP_ID.desktop" > "$DATA/applications/$APP_ID.desktop"
cp "$SHARE/metainfo/$APP_ID.metainfo.xml" "$DATA/metainfo/"
cp "$SHARE/mime/packages/$APP_ID.xml" "$DATA/mime/packages/"
(cd "$SHARE/icons" && find hicolor -type f) | while read -r icon; do
  mkdir -p "$(dirname "$DATA/icons/$icon")"
  cp "$SHARE/icons/$icon" "$DATA/icons/$icon"
done
refresh
echo "ABM Planner is on the desktop ($DATA); it runs $PROGRAM."
