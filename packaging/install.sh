#!/bin/sh
# Install Offer Planner from this unpacked folder: the app, a command, a menu entry and icons.
#
#   ./install.sh                          for you alone, under ~/.local (no root needed)
#   sudo PREFIX=/usr/local ./install.sh   for everyone on this computer
#   ./install.sh --uninstall              remove what an install with the same PREFIX put in place
#
# The app goes to $PREFIX/lib/offer-planner, the command to $PREFIX/bin/offer-planner, the desktop file,
# the AppStream metainfo and the hicolor icons under $PREFIX/share. Your offers are not touched.
set -eu

app_id=io.github.offerplanner.OfferPlanner
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
lib=$prefix/lib/offer-planner
bin=$prefix/bin
share=$prefix/share

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$share/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$share/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$share/icons/hicolor" 2>/dev/null || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$bin/offer-planner" "$share/applications/$app_id.desktop" "$share/metainfo/$app_id.metainfo.xml"
    find "$share/icons/hicolor" -path "*/apps/$app_id.*" -exec rm -f {} + 2>/dev/null || true
    rm -rf "$lib"
    refresh_caches
    echo "Offer Planner was removed from $prefix (your offers were kept)."
    exit 0
fi
if [ ! -x "$here/offer-planner" ] || [ ! -d "$here/share" ]; then
    echo "install.sh: run it from the unpacked offer-planner folder" >&2
    exit 2
fi

mkdir -p "$bin" "$share/applications" "$share/metainfo" "$share/icons"
if [ "$here" != "$lib" ]; then
    rm -rf "$lib.new"
    mkdir -p "$(dirname "$lib")"
    cp -R "$here" "$lib.new"
    rm -rf "$lib"
    mv "$lib.new" "$lib"
fi
ln -sf "$lib/offer-planner" "$bin/offer-planner"
# the menu entry names the command by its full path: $bin need not be on the session's PATH
sed -e "s|^Exec=offer-planner|Exec=$bin/offer-planner|" -e "s|^TryExec=offer-planner|TryExec=$bin/offer-planner|" \
    "$here/share/applications/$app_id.desktop" > "$share/applications/$app_id.desktop"
cp "$here/share/metainfo/$app_id.metainfo.xml" "$share/metainfo/"
cp -R "$here/share/icons/hicolor" "$share/icons/"
refresh_caches
echo "Offer Planner is installed: run offer-planner, or find it in your applications menu."
