#!/bin/bash
# issue 25: e150_kd_cutmix's command with one change, the teacher: the three finished runs averaged (e150_ema + e48_xeon +
# e150_kd_cutmix: 90.72% without TTA, teacher/ensemble3.json) in place of the two (90.35%); resumable (--resume).
# Runs in a clone of main (/work/kdrun) so that edits to the working tree never reach it; the teachers' paths are committed files.
cd /work/kdrun
. /work/main/.venv/bin/activate
export PYTHONPATH=/work/kdrun
L=nbs/recipe_sweep/long
O=/work/runs/e150_kd3_cutmix
R=""; [ -f $O/checkpoint.pth ] && R="--resume"
date -u +%FT%TZ >> /work/e150_kd3.starts
/usr/bin/time -v -o /work/e150_kd3.time.$(date +%s) s9cifar_train --data ../shared/data/cifar10 --recipe long --epochs 150 --dirac true --muon 0.1 --dilated c4 --ema 0.999 --cutmix 0.5 --teacher $L/e150_ema/model.pth,$L/e48_xeon/model.pth,$L/e150_kd_cutmix/model.pth --out $O $R >> /work/e150_kd3.log 2>&1
