#!/usr/bin/env bash
# Refreshes the third-party files the web page serves, from npm, at the
# pinned versions below, and records their versions, checksums and
# licences in VENDOR.md. Building and running need none of this (the
# copied files are committed); run it only to change a version:
#
#	web/static/vendor/update.sh
#
# It needs npm (Node 18 or later) and the npm registry.
set -euo pipefail
cd "$(dirname "$0")"

# name@version  files to copy (paths inside the package)  destination folder
packages=(
	"uplot@1.6.32 dist/uPlot.iife.min.js,dist/uPlot.min.css,LICENSE uplot"
)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
	echo "# Vendored files"
	echo
	echo "Written by update.sh; do not edit. Each file is copied unchanged from"
	echo "the npm package at the version shown."
	echo
	echo "| package | version | licence | file | sha256 |"
	echo "|---|---|---|---|---|"
} > VENDOR.md.new
for p in "${packages[@]}"; do
	read -r spec paths dest <<<"$p"
	name=${spec%@*}
	version=${spec##*@}
	(cd "$tmp" && npm pack --silent "$spec" >/dev/null)
	tgz=$(ls "$tmp"/*.tgz)
	mkdir -p "$tmp/$name"
	tar -xzf "$tgz" -C "$tmp/$name"
	rm "$tgz"
	licence=$(node -e 'console.log(require(process.argv[1]).license || "see LICENSE")' "$tmp/$name/package/package.json")
	rm -rf "$dest"
	mkdir -p "$dest"
	IFS=, read -ra files <<<"$paths"
	for f in "${files[@]}"; do
		cp "$tmp/$name/package/$f" "$dest/"
		sum=$(sha256sum "$dest/$(basename "$f")" | cut -d' ' -f1)
		echo "| $name | $version | $licence | $dest/$(basename "$f") | \`$sum\` |" >> VENDOR.md.new
	done
done
mv VENDOR.md.new VENDOR.md
echo "vendored: ${packages[*]}"
