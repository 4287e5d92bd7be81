#!/bin/sh
# Install this unpacked bundle for the current user: a menu entry, the icon, and the
# `facilitator` command in ~/.local/bin. Run it from the unpacked folder: ./install.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$HOME/.local/bin" "$data/applications" "$data/metainfo" \
  "$data/icons/hicolor/scalable/apps" "$data/icons/hicolor/512x512/apps"
ln -sf "$here/facilitator" "$HOME/.local/bin/facilitator"
sed "s|^Exec=facilitator|Exec=$here/facilitator|" \
  "$here/share/applications/org.facilitator.Facilitator.desktop" \
  > "$data/applications/org.facilitator.Facilitator.desktop"
cp "$here/share/metainfo/org.facilitator.Facilitator.metainfo.xml" "$data/metainfo/"
cp "$here/share/icons/hicolor/scalable/apps/org.facilitator.Facilitator.svg" \
  "$data/icons/hicolor/scalable/apps/"
cp "$here/share/icons/hicolor/512x512/apps/org.facilitator.Facilitator.png" \
  "$data/icons/hicolor/512x512/apps/"
echo "Installed: Facilitator is in your applications menu; 'facilitator' runs it from a terminal."
