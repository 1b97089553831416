#!/usr/bin/env bash
# bench/aside.sh TRASH PATH...: moves each PATH that exists into TRASH under a new name, instead
# of deleting it, so the next run writes into a folder that does not exist yet. The benchmarks
# delete TRASH only at the end: this machine's root file system is ext4 without a journal, where
# a new file skips every inode freed in the last minute or more (ext4's recently_deleted(), a
# check per candidate inode), so deleting the last run's files just before a run made each file
# it created cost about 1 ms of kernel time (docs/performance.md, issue 11's run 7).
set -eu
trash="$1"; shift
mkdir -p "$trash"
for d in "$@"; do
  if [ -e "$d" ]; then mv "$d" "$trash/$(basename "$d").$(date +%s%N)"; fi
done
