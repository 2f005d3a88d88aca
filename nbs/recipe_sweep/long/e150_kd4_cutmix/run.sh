#!/bin/bash
# issue 25: e150_kd3_cutmix's command with one change, the teacher: the four finished runs averaged (e150_ema + e48_xeon +
# e150_kd_cutmix + e150_kd3_cutmix: 90.97% without TTA, teacher/ensemble4.json) in place of the three (90.72%); resumable (--resume).
# Runs in a clone of main (/work/kdrun) so that edits to the working tree never reach it; the teachers' paths are committed files.
cd /work/kdrun
. /work/main/.venv/bin/activate
export PYTHONPATH=/work/kdrun
L=nbs/recipe_sweep/long
O=/work/runs/e150_kd4_cutmix
R=""; [ -f $O/checkpoint.pth ] && R="--resume"
date -u +%FT%TZ >> /work/e150_kd4.starts
/usr/bin/time -v -o /work/e150_kd4.time.$(date +%s) s9cifar_train --data ../shared/data/cifar10 --recipe long --epochs 150 --dirac true --muon 0.1 --dilated c4 --ema 0.999 --cutmix 0.5 --teacher $L/e150_ema/model.pth,$L/e48_xeon/model.pth,$L/e150_kd_cutmix/model.pth,$L/e150_kd3_cutmix/model.pth --out $O $R >> /work/e150_kd4.log 2>&1
