#!/bin/sh
# fieldreg's macOS disk image from the .app the spec builds on a Mac:
#
#   pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/fieldreg.spec
#   packaging/macos/make_dmg.sh                      # unsigned: dist/fieldreg-VERSION-macos.dmg
#   SIGN_IDENTITY="Developer ID Application: NAME (TEAMID)" NOTARY_PROFILE=fieldreg \
#       packaging/macos/make_dmg.sh                  # signed, notarised and stapled
#
# The identity and the notary profile are parameters, never stored here. Before the first
# signed run, once per Mac: `xcrun notarytool store-credentials fieldreg --apple-id ID
# --team-id TEAMID` (it asks for an app-specific password and keeps it in the keychain).
# Steps (see packaging/macos/README.md): sign every binary inside the .app with the hardened
# runtime and the entitlements beside this script, sign the .app, build the DMG, sign it,
# notarise it with notarytool, staple the ticket, check with spctl.
set -eu
cd "$(dirname "$0")/../.."
app=dist/fieldreg.app
version=$(python3 -c 'import re; print(re.search(r"__version__ = \"(.+)\"", open("fieldreg/__init__.py").read())[1])')
dmg=dist/fieldreg-$version-macos.dmg
entitlements=packaging/macos/entitlements.plist
[ -d "$app" ] || { echo "no $app: build it with packaging/fieldreg.spec on a Mac first" >&2; exit 1; }

if [ -n "${SIGN_IDENTITY:-}" ]; then
    # Inside out: every library and executable, then the bundle itself.
    find "$app/Contents" -type f \( -name '*.so' -o -name '*.dylib' -o -perm -u+x \) -print0 |
        xargs -0 -n 20 codesign --force --timestamp --options runtime \
            --entitlements "$entitlements" --sign "$SIGN_IDENTITY"
    codesign --force --timestamp --options runtime --entitlements "$entitlements" \
        --sign "$SIGN_IDENTITY" "$app"
    codesign --verify --deep --strict --verbose=2 "$app"
fi

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "fieldreg $version" -srcfolder "$staging" -fs HFS+ -format UDZO \
    -imagekey zlib-level=9 "$dmg"

if [ -n "${SIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$SIGN_IDENTITY" "$dmg"
    if [ -n "${NOTARY_PROFILE:-}" ]; then
        xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
        xcrun stapler staple "$dmg"
        spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
    fi
fi
echo "$dmg"
