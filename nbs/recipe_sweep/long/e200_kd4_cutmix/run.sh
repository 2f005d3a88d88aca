#!/bin/bash
# issue 25: e150_kd4_cutmix's command with one change, 200 epochs in place of 150 (e150_kd3_cutmix was still gaining at its
# last epochs; with the four-run teacher the 150 epochs ended at 89.94% without TTA, 6 images short, where the three-run teacher's ended at 89.95%); resumable (--resume).
# Runs in a clone of main (/work/kdrun) so that edits to the working tree never reach it; the teachers' paths are committed files.
cd /work/kdrun
. /work/main/.venv/bin/activate
export PYTHONPATH=/work/kdrun
L=nbs/recipe_sweep/long
O=/work/runs/e200_kd4_cutmix
R=""; [ -f $O/checkpoint.pth ] && R="--resume"
date -u +%FT%TZ >> /work/e200_kd4.starts
/usr/bin/time -v -o /work/e200_kd4.time.$(date +%s) s9cifar_train --data ../shared/data/cifar10 --recipe long --epochs 200 --dirac true --muon 0.1 --dilated c4 --ema 0.999 --cutmix 0.5 --teacher $L/e150_ema/model.pth,$L/e48_xeon/model.pth,$L/e150_kd_cutmix/model.pth,$L/e150_kd3_cutmix/model.pth --out $O $R >> /work/e200_kd4.log 2>&1
