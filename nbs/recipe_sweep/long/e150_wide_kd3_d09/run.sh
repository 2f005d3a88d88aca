#!/bin/bash
# issue 25: e150_kd3_cutmix's command with S9Net widened to (32, 96, 168, 264) and --distill 0.9 (run.py says why it is
# run through train_s9); resumable. Runs in a clone of main (/work/kdrun2) so that edits to the working tree never reach it.
cd /work/kdrun2
. /work/main/.venv/bin/activate
export PYTHONPATH=/work/kdrun2
O=/work/runs/e150_wide_kd3_d09
date -u +%FT%TZ >> /work/wide.starts
/usr/bin/time -v -o /work/wide.time.$(date +%s) python nbs/recipe_sweep/long/e150_wide_kd3_d09/run.py $O >> /work/wide.log 2>&1
