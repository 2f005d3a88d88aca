#!/bin/bash
# issue 25: e150_kd3_cutmix's command with S9Net widened to (32, 96, 168, 264) (--widths) and --distill 0.9; resumable
# (--resume when a checkpoint is there). Epochs 1-3 ran through run.py (train_s9 with the same settings) before the command
# line had --widths; the resume through this command checked it is the same run (the checkpoint records every setting).
# Runs in a clone of main (/work/kdrun2) so that edits to the working tree never reach it; the teachers' paths are committed files.
cd /work/kdrun2
. /work/main/.venv/bin/activate
export PYTHONPATH=/work/kdrun2
L=nbs/recipe_sweep/long
O=/work/runs/e150_wide_kd3_d09
R=""; [ -f $O/checkpoint.pth ] && R="--resume"
date -u +%FT%TZ >> /work/wide.starts
/usr/bin/time -v -o /work/wide.time.$(date +%s) s9cifar_train --data ../shared/data/cifar10 --recipe long --epochs 150 --dirac true --muon 0.1 --dilated c4 --ema 0.999 --cutmix 0.5 --widths 32,96,168,264 --distill 0.9 --teacher $L/e150_ema/model.pth,$L/e48_xeon/model.pth,$L/e150_kd_cutmix/model.pth --out $O $R >> /work/wide.log 2>&1
