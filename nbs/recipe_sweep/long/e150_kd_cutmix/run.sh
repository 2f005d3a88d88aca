#!/bin/bash
# issue 25: e150_cutmix's run plus distillation from the two-run teacher (e150_ema + the e48 weights shipped until now, averaged: 90.35%); resumable (--resume)
# From session 7 on it runs in a clone of main (/work/kdrun) with the teachers' lasting paths: e48_xeon/model.pth is the
# same file as s9cifar/weights/model.pth of 56635c7, where sessions 6-7 began it (a resume checks teachers by SHA-256).
cd /work/kdrun
. /work/main/.venv/bin/activate
export PYTHONPATH=/work/kdrun
R=""; [ -f /work/runs/long150_kdcm/checkpoint.pth ] && R="--resume"
date -u +%FT%TZ >> /work/kdcm150.starts
/usr/bin/time -v -o /work/kdcm150.time.$(date +%s) s9cifar_train --data ../shared/data/cifar10 --recipe long --epochs 150 --dirac true --muon 0.1 --dilated c4 --ema 0.999 --cutmix 0.5 --teacher nbs/recipe_sweep/long/e150_ema/model.pth,nbs/recipe_sweep/long/e48_xeon/model.pth --out /work/runs/long150_kdcm $R >> /work/kdcm150.log 2>&1
