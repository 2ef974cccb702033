#!/bin/sh
# Rebuilds SNAP-TR002-newsprint.icc from the CGATS/SNAP TR 002 characterization
# data that Debian ships (icc-profiles-free: /usr/share/color/icc/TR002.ti3)
# with ArgyllCMS's colprof (Debian package `argyll`). Takes about 2.5 minutes.
# Medium quality, ramp black generation, 240 % total ink, perceptual and
# saturation tables gamut-mapped from sRGB (photos arrive in sRGB), viewed
# on a typical monitor (source) and a practical print booth (destination).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp /usr/share/color/icc/TR002.ti3 "$work/SNAP-TR002-newsprint.ti3"
cd "$work"
colprof -qm -kr -l 240 -nc -S /usr/share/color/icc/sRGB.icc -c mt -d pp \
  -A "layout project" \
  -D "Newsprint coldset (CGATS/SNAP TR 002), 240% TAC" \
  -C "Data: ANSI CGATS/SNAP TR 002-2007 (NPES). Profile: CC0 1.0" \
  SNAP-TR002-newsprint
cp SNAP-TR002-newsprint.icc "$here/"
