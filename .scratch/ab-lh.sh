#!/bin/bash
# usage: ab-lh.sh pairs pages worlds distA distB
cd /work/main
for i in $(seq 1 $1); do
  for d in $4 $5; do
    LIGHTHOUSE_DIST=$d LIGHTHOUSE_RUNS=1 LIGHTHOUSE_WORLDS=$3 LIGHTHOUSE_PAGES=$2 npx tsx bench/lighthouse.ts 2>&1 | grep -E "^  (heavy|typical) " | grep -v FullCal | sed "s|^|$(basename $d) |"
  done
done
